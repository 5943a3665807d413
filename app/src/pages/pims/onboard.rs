//! `/people/onboard`: an administrator onboards a district's staff from a CSV file (chosen and
//! read in the browser, or pasted), checked first by a dry run that lists every bad row by line,
//! column and reason, and loaded only when a check of the very same text was clean; and exports
//! an office's employees as CSV headed in the reader's language.

use super::refusal;
use crate::api::{self, ApiError};
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use daftar_domain::pims::wire::OnboardingReport;
use daftar_domain::pims::ONBOARDING_COLUMNS;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// What the last check or load said, and of which text.
#[derive(Clone)]
enum Outcome {
    Checked { text: String, report: OnboardingReport },
    Loaded(OnboardingReport),
    Failed(ApiError),
}

/// Whether the text in the box is exactly what a clean check passed.
fn may_load(outcome: Option<&Outcome>, text: &str) -> bool {
    matches!(outcome, Some(Outcome::Checked { text: checked, report }) if checked == text && report.problems.is_empty())
}

/// `/people/onboard`.
#[component]
pub fn OnboardingPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.pims.onboard_title);
    let csv = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let office = RwSignal::new(String::new());

    let send = move |dry_run: bool| {
        let text = csv.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let result = api::pims::onboard(&text, dry_run, &api::new_idempotency_key()).await;
            outcome.set(Some(match result {
                Ok(report) if dry_run || !report.problems.is_empty() => Outcome::Checked { text, report },
                Ok(report) => Outcome::Loaded(report),
                Err(error) => Outcome::Failed(error),
            }));
            busy.set(false);
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        spawn_local(async move {
            match api::pims::file_text(&file).await {
                // A spreadsheet's byte-order mark is not part of the header.
                Ok(text) => csv.set(text.trim_start_matches('\u{feff}').to_owned()),
                Err(error) => outcome.set(Some(Outcome::Failed(error))),
            }
        });
    };
    let loadable = move || may_load(outcome.get().as_ref(), &csv.get());
    let report_view = move || {
        outcome.get().map(|outcome| match outcome {
            Outcome::Failed(error) => refusal(error).into_any(),
            Outcome::Loaded(report) => {
                let text = fill(
                    &fill(i18n.t().pims.loaded, "{n}", &report.loaded.to_string()),
                    "{m}",
                    &report.already_loaded.to_string(),
                );
                view! { <p class="notice notice-success" role="status">{text}</p> }.into_any()
            }
            Outcome::Checked { report, .. } if report.problems.is_empty() => {
                let text = fill(i18n.t().pims.all_valid, "{n}", &report.rows.to_string());
                view! { <p class="notice notice-success" role="status">{text}</p> }.into_any()
            }
            Outcome::Checked { report, .. } => {
                let summary = fill(i18n.t().pims.some_invalid, "{n}", &report.problems.len().to_string());
                let rows = report
                    .problems
                    .into_iter()
                    .map(|p| {
                        let reasons = (p.reason_en, p.reason_hi);
                        let column = p.column;
                        view! {
                            <tr>
                                <th scope="row" class="num">{p.line}</th>
                                <td>{move || match &column {
                                    Some(column) => view! { <code>{column.clone()}</code> }.into_any(),
                                    None => view! { <span>{i18n.t().pims.whole_row}</span> }.into_any(),
                                }}</td>
                                <td>{move || i18n.pick(&reasons.0, &reasons.1).to_owned()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="notice notice-error" role="alert">{summary}</p>
                    <table class="data-table">
                        <caption>{i18n.text(|t| t.pims.problems_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.text(|t| t.pims.line)}</th>
                            <th scope="col">{i18n.text(|t| t.pims.column)}</th>
                            <th scope="col">{i18n.text(|t| t.pims.reason)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="page people-page">
            <p><A href="/people">{i18n.text(|t| t.pims.back_to_people)}</A></p>
            <h1>{i18n.text(|t| t.pims.onboard_title)}</h1>
            <p class="hint">{i18n.text(|t| t.pims.onboard_intro)}</p>
            <p>{i18n.text(|t| t.pims.columns)}</p>
            <pre class="csv-columns"><code>{ONBOARDING_COLUMNS.join(",")}</code></pre>
            <p><a href=api::pims::template_href() download="daftar-onboarding-template.csv">{i18n.text(|t| t.pims.template_link)}</a></p>
            <div class="field">
                <label for="onboard-file">{i18n.text(|t| t.pims.choose_file)}</label>
                <input id="onboard-file" type="file" accept=".csv,text/csv" on:change=choose/>
            </div>
            <div class="field">
                <label for="onboard-csv">{i18n.text(|t| t.pims.csv_label)}</label>
                <textarea id="onboard-csv" rows="10" class="csv-text" spellcheck="false"
                    prop:value=move || csv.get() on:input=move |ev| csv.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions">
                <button type="button" class="button-secondary" on:click=move |_| send(true) disabled=move || busy.get() || csv.get().trim().is_empty()>
                    {i18n.text(|t| t.pims.check)}
                </button>
                <button type="button" class="button-primary" on:click=move |_| send(false) disabled=move || busy.get() || !loadable()>
                    {i18n.text(|t| t.pims.load)}
                </button>
            </div>
            <p class="hint">{i18n.text(|t| t.pims.load_hint)}</p>
            <div aria-live="polite">{report_view}</div>

            <h2>{i18n.text(|t| t.pims.export_title)}</h2>
            <div class="field">
                <label for="export-office">{i18n.text(|t| t.pims.office_code)}</label>
                <input id="export-office" type="text" placeholder="DC-HSR" prop:value=move || office.get()
                    on:input=move |ev| office.set(event_target_value(&ev).trim().to_uppercase())/>
            </div>
            <p>
                <a class="button-secondary" href=move || api::pims::export_href(&office.get(), i18n.locale().tag()) download="employees.csv">
                    {i18n.text(|t| t.pims.export_csv)}
                </a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(problems: usize) -> OnboardingReport {
        OnboardingReport {
            dry_run: true,
            rows: 3,
            problems: (0..problems)
                .map(|n| daftar_domain::pims::wire::RowProblem {
                    line: n as u64 + 2,
                    column: None,
                    reason_en: "bad".into(),
                    reason_hi: "गलत".into(),
                })
                .collect(),
            loaded: 0,
            already_loaded: 0,
            batch: String::new(),
        }
    }

    #[test]
    fn only_the_text_a_clean_check_passed_may_be_loaded() {
        let clean = Outcome::Checked {
            text: "a,b".into(),
            report: report(0),
        };
        assert!(may_load(Some(&clean), "a,b"));
        assert!(!may_load(Some(&clean), "a,b,c"), "edited since the check");
        let dirty = Outcome::Checked {
            text: "a,b".into(),
            report: report(2),
        };
        assert!(!may_load(Some(&dirty), "a,b"));
        assert!(!may_load(None, "a,b"));
    }
}
