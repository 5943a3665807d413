//! `/admin/holidays`: a state's holidays for a year (date, names, gazetted or restricted), with
//! rows added and removed in the browser and the whole list saved at the version read. A year
//! without a calendar starts empty, with the previous year's weekly offs.

use super::{described, field_error, input, AdminForm, AdminOnly, Complaint, Outcome, OutcomeLine, Problems};
use crate::api::admin::DEFAULT_STATE;
use crate::api::{self, ApiError, ApiResult};
use crate::components::fields::{from_wire_name, wire_name};
use crate::components::Loading;
use crate::format::{human_local, iso_date, parse_iso_date, today};
use crate::i18n::{fill, use_i18n, FieldError, Texts};
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use daftar_domain::leave::calendar::{CalendarError, MAX_NAME};
use daftar_domain::leave::wire::{PutHolidays, Recorded};
use daftar_domain::leave::{Holiday, HolidayCalendar, HolidayKind, StateCode, WeeklyOff};
use daftar_domain::wire::ErrorCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/admin/holidays`.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    use_page_title(|t| t.admin.holidays_title);
    view! {
        <AdminOnly>
            <HolidaysAdmin/>
        </AdminOnly>
    }
}

/// A year's calendar as the editor starts from it.
#[derive(Debug, Clone)]
struct Calendar {
    state: StateCode,
    year: i32,
    /// `None` when the year has no calendar yet.
    version: Option<u64>,
    recorded: Option<Recorded>,
    weekly_offs: Vec<WeeklyOff>,
    holidays: Vec<Holiday>,
}

/// The year's calendar, or an empty one with the previous year's weekly offs.
async fn calendar(state: StateCode, year: i32) -> ApiResult<Calendar> {
    match api::admin::holidays(&state, year).await {
        Ok(view) => Ok(Calendar {
            version: Some(view.version),
            recorded: Some(view.recorded),
            weekly_offs: view.calendar.weekly_offs().to_vec(),
            holidays: view.calendar.holidays().to_vec(),
            state,
            year,
        }),
        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
            let weekly_offs = match api::admin::holidays(&state, year - 1).await {
                Ok(before) => before.calendar.weekly_offs().to_vec(),
                Err(_) => Vec::new(),
            };
            Ok(Calendar {
                state,
                year,
                version: None,
                recorded: None,
                weekly_offs,
                holidays: Vec::new(),
            })
        }
        Err(error) => Err(error),
    }
}

#[component]
fn HolidaysAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let this_year = today().year();
    let year = RwSignal::new(this_year);
    let year_input = RwSignal::new(this_year.to_string());
    let year_bad = RwSignal::new(false);
    // The state is the administrator's own, as the leave rules say; Haryana if they cannot.
    let rules = LocalResource::new(api::admin::leave_rules);
    let state = Memo::new(move |_| {
        rules.get().map(|result| {
            result
                .map(|view| view.rules.state().clone())
                .or_else(|_| StateCode::parse(DEFAULT_STATE))
                .ok()
        })
    });
    let holidays = LocalResource::new(move || {
        outcome.track();
        let (state, year) = (state.get(), year.get());
        async move {
            match state {
                Some(Some(state)) => Some(calendar(state, year).await),
                Some(None) => Some(Err(ApiError::Unexpected { status: 500 })),
                // Waiting for the state.
                None => None,
            }
        }
    });
    let show = move |ev: SubmitEvent| {
        ev.prevent_default();
        match year_input.get_untracked().trim().parse::<i32>() {
            Ok(wanted) if (2000..=2100).contains(&wanted) => {
                year_bad.set(false);
                year.set(wanted);
            }
            _ => year_bad.set(true),
        }
    };
    view! {
        <section class="page admin-page">
            <p><A href="/admin">{i18n.text(|t| t.admin.back_to_admin)}</A></p>
            <h1>{i18n.text(|t| t.admin.holidays_title)}</h1>
            <p class="hint">{i18n.text(|t| t.admin.holidays_intro)}</p>
            <form class="people-form admin-year" on:submit=show novalidate=true>
                <div class="field">
                    <label for="holiday-year">{i18n.text(|t| t.admin.year)}</label>
                    <input id="holiday-year" type="number" inputmode="numeric" min="2000" max="2100" class="input-code"
                        aria-describedby="holiday-year-error" aria-invalid=move || year_bad.get().to_string()
                        prop:value=move || year_input.get() on:input=move |ev| year_input.set(event_target_value(&ev))/>
                    <p id="holiday-year-error" class="field-error">{move || year_bad.get().then(|| i18n.t().field_error(FieldError::Rejected))}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="button-secondary">{i18n.text(|t| t.admin.show)}</button>
                </div>
            </form>
            <OutcomeLine outcome/>
            <Transition fallback=Loading>
                {move || holidays.get().flatten().map(|result| match result {
                    Ok(calendar) => view! { <HolidayEditor calendar/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
        </section>
    }
}

/// One row of the list, as typed; `key` stays with the row when others are removed.
#[derive(Clone, Copy)]
struct Row {
    key: u32,
    date: RwSignal<String>,
    en: RwSignal<String>,
    hi: RwSignal<String>,
    kind: RwSignal<HolidayKind>,
}

impl Row {
    fn new(key: u32, holiday: Option<&Holiday>) -> Self {
        Row {
            key,
            date: RwSignal::new(holiday.map(|h| iso_date(h.date)).unwrap_or_default()),
            en: RwSignal::new(holiday.map(|h| h.name_en.clone()).unwrap_or_default()),
            hi: RwSignal::new(holiday.map(|h| h.name_hi.clone()).unwrap_or_default()),
            kind: RwSignal::new(holiday.map_or(HolidayKind::Gazetted, |h| h.kind)),
        }
    }

    fn field(&self, name: &str) -> String {
        format!("{}-{name}", self.key)
    }
}

/// What is wrong with a name, if anything (the calendar's own rule: present, at most
/// [`MAX_NAME`] characters, no control characters).
fn name_problem(name: &str) -> Option<FieldError> {
    let name = name.trim();
    if name.is_empty() {
        Some(FieldError::Required)
    } else if name.chars().count() > MAX_NAME {
        Some(FieldError::TooLong(MAX_NAME))
    } else if name.chars().any(char::is_control) {
        Some(FieldError::ControlCharacters)
    } else {
        None
    }
}

/// The list, its add and remove buttons, and the save.
#[component]
fn HolidayEditor(calendar: Calendar) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("holidays");
    let Calendar {
        state,
        year,
        version,
        recorded,
        weekly_offs,
        holidays,
    } = calendar;
    let rows = RwSignal::new(
        holidays
            .iter()
            .enumerate()
            .map(|(at, holiday)| Row::new(at as u32, Some(holiday)))
            .collect::<Vec<_>>(),
    );
    let next_key = StoredValue::new(holidays.len() as u32);
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(Row::new(key, None)));
        // Into the new row's first field once it is drawn.
        let id = form.id(&format!("{key}-date"));
        request_animation_frame(move || crate::components::fields::focus(&id));
    };
    let offs = weekly_offs.clone();
    let caption = {
        let state = state.to_string();
        move || fill(i18n.t().admin.holidays_caption, "{state}", &state).replace("{year}", &year.to_string())
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let mut list = Vec::new();
        for row in rows.get_untracked() {
            let date = parse_iso_date(&row.date.get_untracked());
            match date {
                None => form.complain(
                    Some(&row.field("date")),
                    Complaint::said(|t| t.field_error(FieldError::InvalidDate)),
                ),
                Some(date) if date.year() != year => form.complain(
                    Some(&row.field("date")),
                    Complaint::said(move |t| fill(t.admin.err_not_in_year, "{year}", &year.to_string())),
                ),
                Some(_) => {}
            }
            let (en, hi) = (row.en.get_untracked(), row.hi.get_untracked());
            for (name, value) in [("en", &en), ("hi", &hi)] {
                if let Some(problem) = name_problem(value) {
                    form.complain(Some(&row.field(name)), Complaint::said(move |t| t.field_error(problem)));
                }
            }
            if let Some(date) = date {
                list.push((
                    row,
                    Holiday {
                        date,
                        name_en: en.trim().to_owned(),
                        name_hi: hi.trim().to_owned(),
                        kind: row.kind.get_untracked(),
                    },
                ));
            }
        }
        if !form.passes() {
            return;
        }
        let holidays: Vec<Holiday> = list.iter().map(|(_, h)| h.clone()).collect();
        // The calendar's own check, so a repeated date is shown on its row before sending.
        if let Err(error) = HolidayCalendar::new(state.clone(), year, offs.clone(), holidays.clone()) {
            match error {
                CalendarError::DuplicateHoliday { date } => {
                    for (row, holiday) in &list {
                        let twin = list
                            .iter()
                            .filter(|(_, other)| other.date == date && other.kind == holiday.kind)
                            .count();
                        if holiday.date == date && twin > 1 {
                            form.complain(
                                Some(&row.field("date")),
                                Complaint::said(|t| t.admin.err_duplicate_holiday.to_owned()),
                            );
                        }
                    }
                }
                other => {
                    let reason = other.to_string();
                    form.complain(
                        None,
                        Complaint::Said {
                            en: reason.clone(),
                            hi: reason,
                        },
                    );
                }
            }
            form.passes();
            return;
        }
        let state = state.clone();
        form.send(
            PutHolidays {
                expected_version: version,
                weekly_offs: offs.clone(),
                holidays,
            },
            move |body, key| async move { api::admin::put_holidays(&state, year, &body, &key).await },
            |t| t.admin.saved,
            || (),
        );
    };
    let about = move || {
        let t = i18n.t();
        let mut lines = Vec::new();
        match (version, &recorded) {
            (Some(v), Some(recorded)) => lines.push(format!(
                "{} {}",
                fill(t.admin.calendar_version, "{v}", &v.to_string()),
                fill(t.admin.recorded, "{by}", recorded.by.as_ref()).replace("{at}", &human_local(recorded.at))
            )),
            _ => lines.push(fill(t.admin.no_calendar, "{year}", &year.to_string())),
        }
        if !weekly_offs.is_empty() {
            let days = weekly_offs
                .iter()
                .map(|off| weekly_off(t, off))
                .collect::<Vec<_>>()
                .join(", ");
            lines.push(fill(t.admin.weekly_offs, "{days}", &days));
        }
        lines
            .into_iter()
            .map(|line| view! { <p class="hint">{line}</p> })
            .collect_view()
    };
    view! {
        {about}
        <form on:submit=submit novalidate=true>
            <Problems form/>
            <div class="table-scroll">
                <table class="data-table admin-table admin-holidays">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.text(|t| t.admin.col_date)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.name_en)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.name_hi)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.kind)}</th>
                        <th scope="col">{i18n.text(|t| t.admin.col_actions)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.key let:row>
                            {holiday_row(form, rows, row)}
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-state">{i18n.text(|t| t.admin.no_holidays)}</p>
            </Show>
            <div class="actions">
                <button type="button" class="button-secondary" on:click=add>{i18n.text(|t| t.admin.add_holiday)}</button>
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_holidays)}</button>
            </div>
        </form>
    }
}

/// A weekly off in words: "Sunday", or "Saturday (2, 4)" for the second and fourth.
fn weekly_off(t: &Texts, off: &WeeklyOff) -> String {
    match off {
        WeeklyOff::Every { weekday } => t.leave.weekday_name(*weekday).to_owned(),
        WeeklyOff::Nth { weekday, weeks } => {
            let weeks = weeks.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            format!("{} ({weeks})", t.leave.weekday_name(*weekday))
        }
    }
}

/// One holiday's fields, each labelled by column and row number for screen readers.
fn holiday_row(form: AdminForm, rows: RwSignal<Vec<Row>>, row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let number = move || rows.with(|rows| rows.iter().position(|r| r.key == row.key).map_or(0, |at| at + 1));
    let label = move |column: fn(&Texts) -> &'static str| {
        move || fill(i18n.t().admin.in_row, "{col}", column(i18n.t())).replace("{n}", &number().to_string())
    };
    let date_field = row.field("date");
    let date_id = form.id(&date_field);
    let kind_id = form.id(&row.field("kind"));
    let text_cell = move |column: fn(&Texts) -> &'static str, name: &'static str, value: RwSignal<String>, lang| {
        let field = row.field(name);
        view! {
            <td data-label=i18n.text(column)>
                <label for=form.id(&field) class="visually-hidden">{label(column)}</label>
                {input(form, field, value, false, Some(lang))}
            </td>
        }
    };
    let kinds = move || {
        [HolidayKind::Gazetted, HolidayKind::Restricted]
            .into_iter()
            .map(|k| view! { <option value=wire_name(&k) prop:selected=move || row.kind.get() == k>{move || i18n.t().admin.holiday_kind(k)}</option> })
            .collect_view()
    };
    let invalid_date = {
        let field = date_field.clone();
        move || form.invalid(&field).to_string()
    };
    view! {
        <tr>
            <td data-label=i18n.text(|t| t.admin.col_date)>
                <label for=date_id.clone() class="visually-hidden">{label(|t| t.admin.col_date)}</label>
                <input id=date_id type="date" aria-describedby=described(form, &date_field, false)
                    aria-invalid=invalid_date
                    prop:value=move || row.date.get() on:input=move |ev| row.date.set(event_target_value(&ev))/>
                {field_error(form, date_field.clone())}
            </td>
            {text_cell(|t| t.admin.name_en, "en", row.en, "en")}
            {text_cell(|t| t.admin.name_hi, "hi", row.hi, "hi")}
            <td data-label=i18n.text(|t| t.admin.kind)>
                <label for=kind_id.clone() class="visually-hidden">{label(|t| t.admin.kind)}</label>
                <select id=kind_id on:change=move |ev| if let Some(k) = from_wire_name(&event_target_value(&ev)) { row.kind.set(k) }>
                    {kinds}
                </select>
            </td>
            <td data-label=i18n.text(|t| t.admin.col_actions)>
                <button type="button" class="button-secondary button-small"
                    aria-label=move || format!("{} — {}", i18n.t().admin.remove, label(|t| t.admin.col_date)())
                    on:click=move |_| rows.update(|rows| rows.retain(|r| r.key != row.key))>
                    {i18n.text(|t| t.admin.remove)}
                </button>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_calendars_rule() {
        assert_eq!(name_problem("  "), Some(FieldError::Required));
        assert_eq!(
            name_problem(&"x".repeat(MAX_NAME + 1)),
            Some(FieldError::TooLong(MAX_NAME))
        );
        assert_eq!(name_problem("Ho\u{7}li"), Some(FieldError::ControlCharacters));
        assert_eq!(name_problem("होली"), None);
    }
}
