//! `/people/audit`: the administrators' audit log, a month at a time, newest first: who changed
//! what, when, and the lines of the record the change changed, before and after, as readable
//! "key: value" lists.

use crate::api;
use crate::components::{paged_table, PagedRows};
use crate::format::{human_local, today};
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::use_page_title;
use daftar_domain::pims::wire::AuditEntry;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::Value;

/// One line of a record: its dotted key and its value as text.
type Line = (String, String);

/// A record as lines of "key: value": nested objects by dotted keys, lists of plain values
/// joined with commas, lists of records by position (`history.1.post`).
pub(crate) fn readable_pairs(value: &Value) -> Vec<Line> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<Line>) {
        let key = |name: &str| {
            if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}.{name}")
            }
        };
        match value {
            Value::Object(map) => {
                for (name, inner) in map {
                    walk(&key(name), inner, out);
                }
            }
            Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
                let joined = items.iter().map(plain).collect::<Vec<_>>().join(", ");
                out.push((prefix.to_owned(), joined));
            }
            Value::Array(items) => {
                for (n, inner) in items.iter().enumerate() {
                    walk(&key(&(n + 1).to_string()), inner, out);
                }
            }
            other => out.push((prefix.to_owned(), plain(other))),
        }
    }
    fn plain(value: &Value) -> String {
        match value {
            Value::Null => "—".to_owned(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

/// What a change changed: the lines of the record before and after that differ (every line of a
/// record created or deleted), so a rename reads as one name becoming another and not as two
/// copies of the whole record.
pub(crate) fn changed_pairs(before: Option<&Value>, after: Option<&Value>) -> (Vec<Line>, Vec<Line>) {
    let before = before.map(readable_pairs).unwrap_or_default();
    let after = after.map(readable_pairs).unwrap_or_default();
    let differs = |line: &Line, other: &[Line]| !other.contains(line);
    let old = before.iter().filter(|line| differs(line, &after)).cloned().collect();
    let new = after.iter().filter(|line| differs(line, &before)).cloned().collect();
    (old, new)
}

/// This month, as the log names months (`2026-11`).
fn this_month() -> String {
    let today = today();
    format!("{:04}-{:02}", today.year(), u8::from(today.month()))
}

/// `/people/audit`.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.pims.audit_title);
    let month_input = RwSignal::new(this_month());
    let month = RwSignal::new(this_month());
    let rows = PagedRows::<AuditEntry>::new();
    Effect::new(move |_| {
        let month = month.get();
        rows.load(move |cursor| async move { api::pims::audit(&month, cursor.as_deref()).await });
    });
    let show = move |ev: SubmitEvent| {
        ev.prevent_default();
        month.set(month_input.get_untracked());
    };
    let more = move || {
        let month = month.get_untracked();
        rows.load_more(move |cursor| async move { api::pims::audit(&month, cursor.as_deref()).await });
    };
    let columns: Vec<fn(&Texts) -> &'static str> = vec![
        |t| t.pims.col_when,
        |t| t.pims.col_who,
        |t| t.pims.col_what,
        |t| t.pims.col_record,
        |t| t.pims.col_before,
        |t| t.pims.col_after,
    ];
    let table = paged_table(
        rows,
        "audit-caption",
        columns,
        |t| t.pims.no_changes,
        |_, entry| audit_row(entry),
        more,
    );
    view! {
        <section class="page people-page">
            <p><A href="/people">{i18n.text(|t| t.pims.back_to_people)}</A></p>
            <h1>{i18n.text(|t| t.pims.audit_title)}</h1>
            <p class="hint">{i18n.text(|t| t.pims.audit_intro)}</p>
            <form class="people-form" on:submit=show>
                <div class="field">
                    <label for="audit-month">{i18n.text(|t| t.pims.month)}</label>
                    <input id="audit-month" type="month" prop:value=move || month_input.get()
                        on:input=move |ev| month_input.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="submit" class="button-secondary">{i18n.text(|t| t.pims.show)}</button>
                </div>
            </form>
            <h2 id="audit-caption">{move || fill(i18n.t().pims.audit_caption, "{month}", &month.get())}</h2>
            {table}
        </section>
    }
}

/// One change: when, who, what, to which record, and the record before and after.
fn audit_row(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let names = (entry.actor_name_en.clone(), entry.actor_name_hi.clone());
    let action = entry.action.clone();
    let (before, after) = changed_pairs(entry.before.as_ref(), entry.after.as_ref());
    view! {
        <tr role="row">
            <th scope="row">{human_local(entry.at)}</th>
            <td>{move || i18n.pick(&names.0, &names.1).to_owned()} " " <span class="code">{entry.actor.to_string()}</span></td>
            <td>{move || i18n.t().pims.action(&action).to_owned()}</td>
            <td class="code">{entry.target.clone()}</td>
            <td><Pairs lines=before/></td>
            <td><Pairs lines=after/></td>
        </tr>
    }
}

/// The changed lines of a record before or after a change, as a definition list (a dash when
/// there are none).
#[component]
fn Pairs(lines: Vec<Line>) -> impl IntoView {
    if lines.is_empty() {
        return view! { <span>"—"</span> }.into_any();
    }
    let items = lines
        .into_iter()
        .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
        .collect_view();
    view! { <dl class="audit-pairs">{items}</dl> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_read_as_key_value_lines() {
        let record = json!({
            "name_en": "Meena Devi",
            "cadre": null,
            "roles": ["employee", "diarist"],
            "dates": {"date_of_joining": "2020-04-01"},
            "postings": [{"post": "DC-KNL-ADC", "to": null}],
            "version": 2
        });
        let pairs = readable_pairs(&record);
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("name_en"), Some("Meena Devi"));
        assert_eq!(get("cadre"), Some("—"));
        assert_eq!(get("roles"), Some("employee, diarist"));
        assert_eq!(get("dates.date_of_joining"), Some("2020-04-01"));
        assert_eq!(get("postings.1.post"), Some("DC-KNL-ADC"));
        assert_eq!(get("version"), Some("2"));
    }

    #[test]
    fn a_change_shows_only_the_lines_that_differ() {
        let before = json!({"code": "FIN-HQ", "name_en": "Finance HQ", "version": 3});
        let after = json!({"code": "FIN-HQ", "name_en": "Finance Headquarters", "version": 4});
        let (old, new) = changed_pairs(Some(&before), Some(&after));
        let line = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        assert_eq!(old, vec![line("name_en", "Finance HQ"), line("version", "3")]);
        assert_eq!(new, vec![line("name_en", "Finance Headquarters"), line("version", "4")]);
        // A record created has nothing before and all of itself after.
        let (old, new) = changed_pairs(None, Some(&after));
        assert!(old.is_empty());
        assert_eq!(new.len(), 3);
    }

    #[test]
    fn a_plain_value_is_one_line() {
        assert_eq!(readable_pairs(&json!("x")), vec![(String::new(), "x".to_owned())]);
    }
}
