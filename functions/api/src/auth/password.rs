//! Password hashing with argon2id, and a verification that costs the same whether or not the
//! employee exists.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;

/// Hashes a password into a PHC string (argon2id with the crate's recommended parameters).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters cannot fail")
        .to_string()
}

/// A hash of nothing anyone knows, verified against when the employee does not exist, so that
/// both paths do the same work and take the same time.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("daftar-dummy-password-never-valid"))
}

/// Checks a password against a stored hash, or against the dummy hash when there is none.
/// Returns true only for a real hash that matches.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    let hash_text: &str = match stored {
        Some(hash) => hash,
        None => dummy_hash(),
    };
    let Ok(parsed) = PasswordHash::new(hash_text) else {
        return false;
    };
    let matches = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
    matches && stored.is_some()
}

/// Warms the dummy hash at start-up so the first unknown-user sign-in is not faster than the rest.
pub fn warm_up() {
    let _ = dummy_hash();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let hash = hash_password("Demo@2026");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("Demo@2026", Some(&hash)));
        assert!(!verify_password("demo@2026", Some(&hash)));
    }

    #[test]
    fn a_missing_user_never_verifies_even_with_the_dummy_password() {
        assert!(!verify_password("daftar-dummy-password-never-valid", None));
    }

    #[test]
    fn a_corrupt_hash_does_not_verify() {
        assert!(!verify_password("x", Some("not a phc string")));
    }
}
