//! An office's dispatch register: letters issued from files, numbered per office and year, and
//! marked dispatched when they leave.

use super::use_page_title;
use crate::api::{self, ApiError};
use crate::components::{error_text, paged_table, PagedRows};
use crate::format::{human_local, today};
use crate::i18n::{use_i18n, Texts};
use daftar_domain::file::draft::{DispatchEntry, DispatchStatus};
use daftar_domain::wire::DispatchedRequest;
use daftar_domain::{OfficeCode, Remarks};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The dispatch register page, for `/offices/:office/dispatch`.
#[component]
pub fn DispatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.dispatch_title);
    let office = Memo::new(move |_| {
        params
            .with(|p| p.get("office"))
            .and_then(|raw| OfficeCode::parse(&raw).ok())
    });
    let year = RwSignal::new(today().year());
    let list = PagedRows::<DispatchEntry>::new();

    let load = move |more: bool| {
        let Some(office) = office.get_untracked() else { return };
        let year = year.get_untracked();
        let fetch =
            move |cursor: Option<String>| async move { api::dispatch_register(&office, year, cursor.as_deref()).await };
        list.read(more, fetch);
    };
    Effect::new(move |_| {
        office.track();
        year.track();
        load(false);
    });

    let choose_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
            year.set(y);
        }
    };
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.col_dispatch_number,
        |t| t.col_subject,
        |t| t.addressees_label,
        |t| t.col_file,
        |t| t.dispatch_mode_label,
        |t| t.col_issued,
        |t| t.col_dispatch_status,
    ];
    let rows = list.rows;
    let table = paged_table(
        list,
        "dispatch-heading",
        columns,
        |t| t.dispatch_empty,
        move |at, entry| view! { <DispatchRow entry at rows office/> },
        move || load(true),
    );

    view! {
        <section class="page">
            <h1 id="dispatch-heading">
                {i18n.text(|t| t.dispatch_title)} " "
                <span class="code">{move || office.get().map(|o| o.to_string()).unwrap_or_default()}</span>
            </h1>
            <div class="field field-inline">
                <label for="dispatch-year">{i18n.text(|t| t.year_label)}</label>
                <input id="dispatch-year" type="number" min="2000" max="2100" inputmode="numeric"
                    prop:value=move || year.get().to_string()
                    on:change=choose_year/>
            </div>
            {table}
        </section>
    }
}

#[component]
fn DispatchRow(
    entry: DispatchEntry,
    at: usize,
    rows: RwSignal<Vec<DispatchEntry>>,
    office: Memo<Option<OfficeCode>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reference = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let number = entry.number.clone();
    let ref_id = format!("dispatch-ref-{}", number.serial);
    let mode = entry.mode;
    let status = match &entry.status {
        DispatchStatus::Issued => None,
        DispatchStatus::Dispatched { at, reference, .. } => Some((human_local(*at), reference.to_string())),
    };
    let mark = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Some(office) = office.get_untracked() else { return };
        let Ok(reference) = Remarks::parse(&reference.get_untracked()) else {
            return;
        };
        let number = number.clone();
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api::mark_dispatched(
                &office,
                number.year,
                number.serial,
                &DispatchedRequest { reference },
                &api::new_idempotency_key(),
            )
            .await;
            pending.set(false);
            match result {
                Ok(entry) => rows.update(|r| {
                    if let Some(row) = r.get_mut(at) {
                        *row = entry;
                    }
                }),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let status_cell = match status {
        Some((when, reference)) => view! {
            <span class="badge badge-done">{i18n.text(|t| t.dispatched_status)}</span>
            " " <span>{when}</span> " " <span class="code">{reference}</span>
        }
        .into_any(),
        None => view! {
            <span class="badge">{i18n.text(|t| t.issued_status)}</span>
            <span class="dispatch-mark">
                <label for=ref_id.clone() class="visually-hidden">{i18n.text(|t| t.dispatch_reference)}</label>
                <input id=ref_id.clone() type="text" autocomplete="off" bind:value=reference
                    placeholder=move || i18n.t().dispatch_reference/>
                <button type="button" class="button-secondary button-small" aria-disabled=move || pending.get().to_string()
                    on:click=mark>{i18n.text(|t| t.mark_dispatched)}</button>
            </span>
            {move || failure.get().map(|e| view! { <span class="field-error" role="alert">{error_text(i18n.t(), &e)}</span> })}
        }
        .into_any(),
    };
    let addressees = entry
        .addressees
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <tr role="row">
            <td role="cell" data-label=i18n.text(|t| t.col_dispatch_number)><div class="cell"><strong>{entry.number_text}</strong></div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_subject) class="cell-subject"><div class="cell">{entry.subject.to_string()}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.addressees_label)><div class="cell">{addressees}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_file)><div class="cell">
                <A href=format!("/files/{}", entry.file_id)>{entry.file_number}</A>
            </div></td>
            <td role="cell" data-label=i18n.text(|t| t.dispatch_mode_label)><div class="cell">{move || i18n.t().dispatch_mode(mode)}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_issued)><div class="cell">{human_local(entry.issued_at)}</div></td>
            <td role="cell" data-label=i18n.text(|t| t.col_dispatch_status)><div class="cell">{status_cell}</div></td>
        </tr>
    }
}
