//! The wall screen: the control room on a shared 1080p or 4K display. It asks again every 30
//! seconds with the tag of what it shows (an unchanged dashboard costs the server one read and
//! the screen nothing), keeps the old figures on screen while it asks and when the connection
//! drops, and turns through the state and each department in turn.

use super::charts::PendencyBars;
use super::{api_path, position, FiguresTable, Tiles};
use crate::api::control::{page, Fetched};
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::control::{ControlView, RowsOf, ScopeRef};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use std::collections::HashMap;
use std::time::Duration;

/// How often a shown page is asked for again.
const REFRESH_SECONDS: u32 = 30;
/// How often the screen checks what to do.
const TICK_SECONDS: u32 = 5;
/// How long each view stays by default while rotating.
const ROTATE_SECONDS: u32 = 20;

/// The views the screen turns through: the state, then each department (or one department).
pub fn rotation(state: Option<&ControlView>, only: Option<&str>) -> Vec<String> {
    if let Some(dept) = only {
        return vec![format!("/control/departments/{dept}")];
    }
    let departments = state
        .into_iter()
        .flat_map(|v| v.groups.iter())
        .filter(|g| g.of == RowsOf::Departments)
        .flat_map(|g| g.rows.iter())
        .filter_map(|r| match &r.scope {
            ScopeRef::Department(dept) => Some(format!("/control/departments/{dept}")),
            _ => None,
        });
    std::iter::once("/control".to_owned()).chain(departments).collect()
}

/// One page held: its tag, its figures and when it was last asked for (in ticks).
#[derive(Clone)]
struct Held {
    tag: Option<String>,
    view: ControlView,
    asked_at: u32,
}

fn clock_time() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

#[component]
pub fn WallScreenPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.control.wall_title);
    let query = use_query_map();
    let only = query.with_untracked(|q| q.get("dept"));
    let rotate_every = query
        .with_untracked(|q| q.get("rotate"))
        .and_then(|r| r.parse::<u32>().ok())
        .unwrap_or(ROTATE_SECONDS);
    let held: RwSignal<HashMap<String, Held>> = RwSignal::new(HashMap::new());
    let index = RwSignal::new(0usize);
    let ticks = RwSignal::new(0u32);
    let offline = RwSignal::new(false);
    let updated = RwSignal::new(None::<String>);
    let one_department = only.clone();
    let order = Memo::new(move |_| {
        held.with(|h| rotation(h.get("/control").map(|held| &held.view), one_department.as_deref()))
    });
    let current = Memo::new(move |_| {
        let order = order.get();
        order[index.get() % order.len()].clone()
    });

    let fetch = move |path: String| {
        let tag = held.with_untracked(|h| h.get(&path).and_then(|held| held.tag.clone()));
        let now = ticks.get_untracked();
        spawn_local(async move {
            match page(&api_path(&path), tag.as_deref()).await {
                Ok(Fetched::Unchanged) => {
                    held.update(|h| {
                        if let Some(held) = h.get_mut(&path) {
                            held.asked_at = now;
                        }
                    });
                    offline.set(false);
                    updated.set(Some(clock_time()));
                }
                Ok(Fetched::Fresh(view, tag)) => {
                    held.update(|h| {
                        h.insert(
                            path,
                            Held {
                                tag,
                                view: *view,
                                asked_at: now,
                            },
                        );
                    });
                    offline.set(false);
                    updated.set(Some(clock_time()));
                }
                // The last figures stay up; the screen says they may be old.
                Err(_) => offline.set(true),
            }
        });
    };
    let refresh_due = move || {
        let path = current.get_untracked();
        let due = held.with_untracked(|h| {
            h.get(&path)
                .is_none_or(|held| (ticks.get_untracked() - held.asked_at) * TICK_SECONDS >= REFRESH_SECONDS)
        });
        if due {
            fetch(path);
        }
    };
    // The state page first: it names the departments to turn through.
    fetch(current.get_untracked());
    if only.is_none() && current.get_untracked() != "/control" {
        fetch("/control".to_owned());
    }
    let handle = set_interval_with_handle(
        move || {
            ticks.update(|t| *t += 1);
            // Rotation moves in whole ticks: at least one per view.
            let per_view = (rotate_every / TICK_SECONDS).max(1);
            if rotate_every > 0 && ticks.get_untracked().is_multiple_of(per_view) {
                index.update(|i| *i = (*i + 1) % order.get_untracked().len());
            }
            refresh_due();
        },
        Duration::from_secs(u64::from(TICK_SECONDS)),
    );
    on_cleanup(move || {
        if let Ok(handle) = handle {
            handle.clear();
        }
    });

    // What is on screen: the current page once it has come, else the last one shown, so a new
    // view replaces the old at once instead of blanking in between.
    let shown = RwSignal::new(None::<ControlView>);
    Effect::new(move |_| {
        let path = current.get();
        if let Some(held) = held.with(|h| h.get(&path).cloned()) {
            shown.set(Some(held.view));
        }
    });

    view! {
        <div class="wall" role="main" aria-labelledby="wall-title">
            {move || shown.get().map(|view| {
                let total = view.total.clone();
                let names = (total.name_en.clone(), total.name_hi.clone());
                let groups = view.groups.iter().cloned().enumerate().map(|(n, group)| {
                    let of = group.of;
                    let caption = Signal::derive(move || i18n.t().control.group(of));
                    let id = ["wall-bars-0", "wall-bars-1", "wall-bars-2"][n.min(2)];
                    view! {
                        <section class="wall-panel">
                            <h2>{move || caption.get()}</h2>
                            <PendencyBars rows=group.rows of=caption id/>
                        </section>
                    }
                }).collect_view();
                let desks = view.top_desks.clone();
                view! {
                    <header class="wall-header">
                        <h1 id="wall-title">{move || i18n.pick(&names.0, &names.1).to_owned()}</h1>
                        <p class="wall-meta">
                            <span>{crate::format::human_date(view.date)}</span>
                            <span aria-live="polite">{move || updated.get().map(|time| fill(i18n.t().control.updated_at, "{time}", &time))}</span>
                            <Show when=move || offline.get()>
                                <span class="wall-offline" role="status">{i18n.text(|t| t.control.connection_lost)}</span>
                            </Show>
                            <Show when=move || { rotate_every > 0 && order.get().len() > 1 }>
                                <span>{move || position(i18n, index.get() % order.get().len() + 1, order.get().len())}</span>
                            </Show>
                        </p>
                    </header>
                    <Tiles figures=total.figures.clone()/>
                    <div class="wall-grid">
                        {groups}
                        {(!desks.is_empty()).then(|| view! {
                            <section class="wall-panel">
                                <FiguresTable rows=desks caption=i18n.text(|t| t.control.busiest_desks) office=None desks=true/>
                            </section>
                        })}
                        <section class="wall-panel">
                            <h2>{i18n.text(|t| t.control.trend_title)}</h2>
                            <super::charts::TrendChart points=view.trend.clone() id="wall-trend"/>
                        </section>
                    </div>
                }
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_department_is_shown_alone_and_the_state_leads_the_rotation() {
        assert_eq!(rotation(None, Some("FIN")), ["/control/departments/FIN"]);
        assert_eq!(rotation(None, None), ["/control"]);
    }
}
