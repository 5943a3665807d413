//! Leptos.toml (read by the server) and Cargo.toml's cargo-leptos metadata (read by the build)
//! say the same things where they overlap: one truth, checked.

use daftar_server::SiteConfig;

fn workspace_file(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(name),
    )
    .unwrap()
}

#[test]
fn leptos_toml_agrees_with_cargo_leptos_metadata() {
    let site = SiteConfig::parse(&workspace_file("Leptos.toml")).unwrap();
    let cargo: toml::Value = toml::from_str(&workspace_file("Cargo.toml")).unwrap();
    let meta = &cargo["workspace"]["metadata"]["leptos"][0];
    let text = |key: &str| {
        meta[key]
            .as_str()
            .unwrap_or_else(|| panic!("Cargo.toml metadata lacks {key}"))
            .to_owned()
    };
    assert_eq!(text("name"), site.output_name);
    assert_eq!(text("site-root"), site.site_root.to_str().unwrap());
    assert_eq!(text("site-pkg-dir"), site.site_pkg_dir);
    assert_eq!(text("site-addr"), site.site_addr.to_string());
    assert_eq!(text("style-file"), site.style_file);
    assert_eq!(text("assets-dir"), site.assets_dir);
}

#[test]
fn the_boot_script_loads_the_output_name() {
    let site = SiteConfig::parse(&workspace_file("Leptos.toml")).unwrap();
    let shell =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/shell.html")).unwrap();
    assert!(shell.contains(&format!("/{}/{}.css", site.site_pkg_dir, site.output_name)));
    assert!(daftar_server::BOOT_JS.contains(&format!("/{}/{}.wasm", site.site_pkg_dir, site.output_name)));
}
