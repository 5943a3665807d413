//! The control room: pendency from the whole state down to one desk's files, and the wall
//! screen that shows it on a shared display.

mod charts;
mod wall;

pub use wall::WallScreenPage;

use crate::api::{self, ApiError};
use crate::components::{error_text, Loading};
use crate::format::human_date;
use crate::i18n::{fill, use_i18n, I18n};
use crate::pages::use_page_title;
use crate::session::use_session;
use charts::{indian, PendencyBars, TrendChart};
use daftar_domain::control::{ControlView, Figures, RowGroup, ScopeRef, ScopeRow};
use daftar_domain::org::Role;
use daftar_domain::wire::ErrorCode;
use daftar_domain::OfficeCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The app's page for a scope.
pub fn page_href(scope: &ScopeRef, office: Option<&OfficeCode>) -> String {
    match scope {
        ScopeRef::State => "/control".into(),
        ScopeRef::Department(dept) => format!("/control/departments/{dept}"),
        ScopeRef::Office(office) => format!("/control/offices/{office}"),
        ScopeRef::Section(section) => match office {
            Some(office) => format!("/control/offices/{office}/sections/{section}"),
            None => "/control".into(),
        },
        ScopeRef::Post(post) => format!("/control/posts/{post}"),
    }
}

/// The API's path for the page at an app path (`/control/...` → `/api/v1/control/...`).
pub fn api_path(app_path: &str) -> String {
    format!("/api/v1{app_path}")
}

/// Which level a route shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    State,
    Department,
    Office,
    Section,
    Desk,
}

/// One control room page, for every level of the drill-down.
#[component]
pub fn ControlPage(level: Level) -> impl IntoView {
    let params = use_params_map();
    use_page_title(|t| t.control.title);
    let param = move |name: &str| params.with(|p| p.get(name)).unwrap_or_default();
    let path = Memo::new(move |_| match level {
        Level::State => "/control".to_owned(),
        Level::Department => format!("/control/departments/{}", param("dept")),
        Level::Office => format!("/control/offices/{}", param("office")),
        Level::Section => format!("/control/offices/{}/sections/{}", param("office"), param("section")),
        Level::Desk => format!("/control/posts/{}", param("post")),
    });
    let office = Memo::new(move |_| OfficeCode::parse(&param("office")).ok());
    let page = LocalResource::new(move || {
        let path = path.get();
        async move { api::control::view(&api_path(&path)).await }
    });
    view! {
        <section class="page control-page">
            <Suspense fallback=|| view! { <Loading/> }>
                {move || page.get().map(|result| match result {
                    Ok(view) => view! { <Dashboard view office=office.get()/> }.into_any(),
                    Err(error) => view! { <Refusal error/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// A refusal, with the way to the official's own department when they may not see this one.
#[component]
fn Refusal(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    if error.code() != Some(ErrorCode::Forbidden) {
        let text = error_text(i18n.t(), &error);
        return view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any();
    }
    let own = session
        .me()
        .and_then(|me| me.posts.first().map(|p| format!("/control/departments/{}", p.dept)));
    view! {
        <div class="notice notice-error" role="alert">
            <p>{i18n.text(|t| t.control.not_allowed)}</p>
            {own.map(|href| view! { <p><A href=href>{i18n.text(|t| t.control.own_department)}</A></p> })}
        </div>
    }
    .into_any()
}

/// A page's contents: where it is, its totals, its rows, the busiest desks, the trend and, at a
/// desk, what is pending there.
#[component]
fn Dashboard(view: ControlView, office: Option<OfficeCode>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let watches_state = move || {
        session
            .me()
            .is_some_and(|me| me.roles.contains(&Role::ControlRoom) || me.roles.contains(&Role::Admin))
    };
    let total = view.total.clone();
    let heading = (total.name_en.clone(), total.name_hi.clone());
    let wall_href = match &total.scope {
        ScopeRef::Department(dept) => format!("/control/wall?dept={dept}"),
        _ => "/control/wall".to_owned(),
    };
    let is_state = total.scope == ScopeRef::State;
    // The office a section row or trail step lies in.
    let here = office.clone().or_else(|| match &total.scope {
        ScopeRef::Office(office) => Some(office.clone()),
        _ => view.trail.iter().find_map(|r| match &r.scope {
            ScopeRef::Office(office) => Some(office.clone()),
            _ => None,
        }),
    });
    let trail = view
        .trail
        .iter()
        .map(|row| {
            let href = page_href(&row.scope, here.as_ref());
            let names = (row.name_en.clone(), row.name_hi.clone());
            view! { <li><A href=href>{move || i18n.pick(&names.0, &names.1).to_owned()}</A></li> }
        })
        .collect_view();
    let groups = view
        .groups
        .into_iter()
        .enumerate()
        .map(|(n, group)| view! { <GroupSection group office=here.clone() n/> })
        .collect_view();
    let desks = (!view.top_desks.is_empty()).then(|| {
        let rows = view.top_desks.clone();
        view! {
            <section class="control-section">
                <FiguresTable rows caption=i18n.text(|t| t.control.busiest_desks) office=None desks=true/>
            </section>
        }
    });
    let pending = matches!(total.scope, ScopeRef::Post(_))
        .then(|| view! { <PendingHere files=view.files.clone() receipts=view.receipts.clone()/> });
    view! {
        <nav class="trail" aria-label=i18n.text(|t| t.control.trail_label)>
            <ol>{trail}</ol>
        </nav>
        <div class="control-heading">
            <h1>{move || i18n.pick(&heading.0, &heading.1).to_owned()}</h1>
            <Show when=move || is_state || watches_state()>
                <A href=wall_href.clone() attr:class="button-secondary">{i18n.text(|t| t.control.open_wall)}</A>
            </Show>
        </div>
        <p class="control-date">{human_date(view.date)}</p>
        <Tiles figures=total.figures.clone()/>
        {pending}
        {groups}
        {desks}
        <section class="control-section">
            <h2>{i18n.text(|t| t.control.trend_title)}</h2>
            <TrendChart points=view.trend id="trend"/>
        </section>
    }
}

/// The big numbers of a scope.
#[component]
pub fn Tiles(figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let f = figures.files.clone();
    let r = figures.receipts.clone();
    let stay = f.average_stay_seconds();
    let tile = move |label: fn(&crate::i18n::Texts) -> &'static str, value: String, alert: bool| {
        view! {
            <div class="tile" class:tile-alert=alert>
                <dt>{i18n.text(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="tiles">
            {tile(|t| t.control.files_pending, indian(f.pending), false)}
            {tile(|t| t.control.receipts_pending, indian(r.pending), false)}
            {tile(|t| t.control.over_7, indian(f.over[0]), f.over[0] > 0)}
            {tile(|t| t.control.over_15, indian(f.over[1]), f.over[1] > 0)}
            {tile(|t| t.control.over_30, indian(f.over[2]), f.over[2] > 0)}
            {tile(|t| t.control.created_today, indian(f.created_today + r.created_today), false)}
            {tile(|t| t.control.moved_today, indian(f.moved_today + r.moved_today), false)}
            {tile(|t| t.control.moved_week, indian(f.moved_week + r.moved_week), false)}
            <div class="tile">
                <dt>{i18n.text(|t| t.control.average_stay)}</dt>
                <dd>{move || stay.map(|s| i18n.t().control.stay(s)).unwrap_or_else(|| i18n.t().control.none.to_owned())}</dd>
            </div>
            {figures.on_leave_today.map(|n| tile(|t| t.control.on_leave_today, indian(i64::from(n)), false))}
            {f.oldest_since.map(|d| view! {
                <div class="tile tile-date">
                    <dt>{i18n.text(|t| t.control.oldest_since)}</dt>
                    <dd>{human_date(d)}</dd>
                </div>
            })}
        </dl>
    }
}

/// One group of rows: its bar chart and its table.
#[component]
fn GroupSection(group: RowGroup, office: Option<OfficeCode>, n: usize) -> impl IntoView {
    let i18n = use_i18n();
    let of = group.of;
    let caption = Signal::derive(move || i18n.t().control.group(of));
    let id = ["bars-0", "bars-1", "bars-2"][n.min(2)];
    let desks = of == daftar_domain::control::RowsOf::Desks;
    view! {
        <section class="control-section">
            <h2>{move || caption.get()}</h2>
            <PendencyBars rows=group.rows.clone() of=caption id/>
            <FiguresTable rows=group.rows caption office desks/>
        </section>
    }
}

/// The figures of many scopes, one row each, each named by a link one level down.
#[component]
pub fn FiguresTable(
    rows: Vec<ScopeRow>,
    #[prop(into)] caption: Signal<&'static str>,
    office: Option<OfficeCode>,
    desks: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_leave = rows.iter().any(|r| r.figures.on_leave_today.is_some());
    let body = rows
        .into_iter()
        .map(|row| {
            let href = page_href(&row.scope, office.as_ref());
            let holder = desks.then(|| {
                let (en, hi) = (row.holder_en.clone(), row.holder_hi.clone());
                move || match (&en, &hi) {
                    (Some(en), Some(hi)) => i18n.pick(en, hi).to_owned(),
                    _ => i18n.t().control.vacant.to_owned(),
                }
            });
            let f = row.figures.files.clone();
            let r = row.figures.receipts.clone();
            let stay = f.average_stay_seconds();
            let leave = row.figures.on_leave_today;
            let names = (row.name_en.clone(), row.name_hi.clone());
            view! {
                <tr>
                    <th scope="row"><A href=href>{move || i18n.pick(&names.0, &names.1).to_owned()}</A></th>
                    {holder.map(|h| view! { <td>{h}</td> })}
                    <td class="num">{indian(f.pending)}</td>
                    <td class="num">{indian(f.over[0])}</td>
                    <td class="num">{indian(f.over[1])}</td>
                    <td class="num" class:num-alert={f.over[2] > 0}>{indian(f.over[2])}</td>
                    <td class="num">{indian(r.pending)}</td>
                    <td class="num">{indian(f.created_today + r.created_today)}</td>
                    <td class="num">{indian(f.moved_today + r.moved_today)}</td>
                    <td class="num">{move || stay.map(|s| i18n.t().control.stay(s)).unwrap_or_else(|| i18n.t().control.none.to_owned())}</td>
                    {on_leave.then(|| view! { <td class="num">{leave.map(|n| n.to_string()).unwrap_or_default()}</td> })}
                    <td>{f.oldest_since.map(human_date).unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table control-table">
                <caption>{move || caption.get()}</caption>
                <thead><tr>
                    <th scope="col">{i18n.text(|t| t.control.name)}</th>
                    {desks.then(|| view! { <th scope="col">{i18n.text(|t| t.control.holder)}</th> })}
                    <th scope="col">{i18n.text(|t| t.control.files_pending)}</th>
                    <th scope="col">{i18n.text(|t| t.control.over_7)}</th>
                    <th scope="col">{i18n.text(|t| t.control.over_15)}</th>
                    <th scope="col">{i18n.text(|t| t.control.over_30)}</th>
                    <th scope="col">{i18n.text(|t| t.control.receipts_pending)}</th>
                    <th scope="col">{i18n.text(|t| t.control.created_today)}</th>
                    <th scope="col">{i18n.text(|t| t.control.moved_today)}</th>
                    <th scope="col">{i18n.text(|t| t.control.average_stay)}</th>
                    {on_leave.then(|| view! { <th scope="col">{i18n.text(|t| t.control.on_leave_today)}</th> })}
                    <th scope="col">{i18n.text(|t| t.control.oldest_since)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// At a desk: its pending files and receipts, longest waiting first.
#[component]
fn PendingHere(
    files: Vec<daftar_domain::wire::FileRow>,
    receipts: Vec<daftar_domain::wire::InboxEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let file_rows = files
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row"><A href=format!("/files/{}", row.file_id)>{row.number.clone()}</A></th>
                    <td>{row.subject.clone()}</td>
                    <td>{crate::format::human_local(row.at)}</td>
                </tr>
            }
        })
        .collect_view();
    let receipt_rows = receipts
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row"><A href=format!("/receipts/{}", row.receipt_id)>{row.diary_number_text.clone()}</A></th>
                    <td>{row.subject.clone()}</td>
                    <td>{crate::format::human_local(row.arrived_at)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = |caption: fn(&crate::i18n::Texts) -> &'static str, rows: AnyView| {
        view! {
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{i18n.text(caption)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.text(|t| t.control.number)}</th>
                        <th scope="col">{i18n.text(|t| t.control.subject)}</th>
                        <th scope="col">{i18n.text(|t| t.control.waiting_since)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <section class="control-section">
            {table(|t| t.control.pending_files, file_rows.into_any())}
            {table(|t| t.control.pending_receipts, receipt_rows.into_any())}
        </section>
    }
}

/// The "{n} of {total}" a rotating wall screen shows.
pub fn position(i18n: I18n, n: usize, total: usize) -> String {
    fill(
        &fill(i18n.t().control.showing, "{n}", &n.to_string()),
        "{total}",
        &total.to_string(),
    )
}
