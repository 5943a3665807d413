//! An office's leave for a month, and who is away today: what a section officer checks before
//! recommending leave, and what the control room shows per office.

use crate::api::{self, ApiError};
use crate::components::{error_text, Loading};
use crate::i18n::{fill, use_i18n};
use crate::pages::use_page_title;
use crate::session::use_session;
use daftar_domain::leave::roster::{OfficeSpell, RosterStatus, YearMonth};
use daftar_domain::OfficeCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use time::{Date, Duration, Weekday};

/// How many of the spells cover each day of the month, first day first.
pub(crate) fn away_per_day(spells: &[OfficeSpell], month: YearMonth) -> Vec<(Date, usize)> {
    let mut days = Vec::new();
    let mut day = month.first_day();
    while day <= month.last_day() {
        let away = spells.iter().filter(|s| s.days.from <= day && day <= s.days.to).count();
        days.push((day, away));
        day += Duration::days(1);
    }
    days
}

/// Blank cells before the first day, so the grid's columns are Monday to Sunday.
fn leading_blanks(month: YearMonth) -> usize {
    usize::from(month.first_day().weekday().number_days_from_monday())
}

fn previous(month: YearMonth) -> YearMonth {
    YearMonth::of(month.first_day() - Duration::days(1))
}

/// The calendar page, for `/leave/calendar?office=…&month=2026-12`.
#[component]
pub fn LeaveCalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    use_page_title(|t| t.leave.calendar_title);
    let office = Memo::new(move |_| {
        query
            .with(|q| q.get("office"))
            .and_then(|raw| OfficeCode::parse(&raw).ok())
            .or_else(|| session.me().and_then(|me| me.posts.first().map(|p| p.office.clone())))
    });
    let month = Memo::new(move |_| {
        query
            .with(|q| q.get("month"))
            .and_then(|raw| YearMonth::parse(&raw).ok())
    });
    let calendar = LocalResource::new(move || {
        let (office, month) = (office.get(), month.get());
        async move { api::leave::calendar(office.as_ref(), month).await }
    });
    let today = LocalResource::new(move || {
        let office = office.get();
        async move { api::leave::on_leave_today(office.as_ref()).await }
    });
    let href = move |to: YearMonth| {
        let office = office.get().map(|o| format!("&office={o}")).unwrap_or_default();
        format!("/leave/calendar?month={to}{office}")
    };
    let away_today = move || {
        today.get().map(|result| match result {
            Ok(view) if view.spells.is_empty() => view! { <p class="empty-state">{i18n.text(|t| t.leave.nobody_on_leave)}</p> }.into_any(),
            Ok(view) => view! { <ul class="leave-list" role="list">{view.spells.into_iter().map(|spell| view! { <SpellCard spell/> }).collect_view()}</ul> }.into_any(),
            Err(error) => failure_view(&error),
        })
    };
    let month_view = move || {
        calendar.get().map(|result| match result {
            Ok(view) => {
                let month = view.month;
                let grid = away_per_day(&view.spells, month);
                let cells = (0..leading_blanks(month))
                    .map(|_| view! { <span class="month-cell month-blank" aria-hidden="true"></span> }.into_any())
                    .chain(grid.into_iter().map(|(day, away)| {
                        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
                        let any_away = away > 0;
                        view! {
                            <span class="month-cell" class:month-weekend=weekend class:month-away=any_away
                                aria-label=move || format!("{}: {}", i18n.t().leave.date(day), fill(i18n.t().leave.away_count, "{n}", &away.to_string()))>
                                <span class="month-day" aria-hidden="true">{day.day()}</span>
                                {(away > 0).then(|| view! { <span class="month-count" aria-hidden="true">{away}</span> })}
                            </span>
                        }
                        .into_any()
                    }))
                    .collect_view();
                let spells = view.spells;
                view! {
                    <nav class="month-nav" aria-label=move || i18n.t().leave.calendar_title>
                        <A href=href(previous(month))>"← " {i18n.text(|t| t.leave.previous_month)}</A>
                        <h2 id="month-heading">{move || format!("{} {}", i18n.t().leave.month_name(month.first_day().month()), month.first_day().year())}</h2>
                        {month.next().map(|next| view! { <A href=href(next)>{i18n.text(|t| t.leave.next_month)} " →"</A> })}
                    </nav>
                    <div class="month-grid" role="group" aria-label=move || i18n.t().leave.month_grid_caption>
                        {[Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday]
                            .into_iter()
                            .map(|d| view! { <span class="month-head" aria-hidden="true">{move || i18n.t().leave.weekday_name(d)}</span> })
                            .collect_view()}
                        {cells}
                    </div>
                    {if spells.is_empty() {
                        view! { <p class="empty-state">{i18n.text(|t| t.leave.calendar_empty)}</p> }.into_any()
                    } else {
                        view! { <ul class="leave-list" role="list">{spells.into_iter().map(|spell| view! { <SpellCard spell/> }).collect_view()}</ul> }.into_any()
                    }}
                }
                .into_any()
            }
            Err(error) => failure_view(&error),
        })
    };
    view! {
        <section class="page leave-page">
            <h1>{i18n.text(|t| t.leave.calendar_title)} " " <span class="code">{move || office.get().map(|o| o.to_string())}</span></h1>
            <h2>{i18n.text(|t| t.leave.on_leave_today)}</h2>
            <Suspense fallback=|| view! { <Loading/> }>{away_today}</Suspense>
            <Suspense fallback=|| view! { <Loading/> }>{month_view}</Suspense>
        </section>
    }
}

fn failure_view(error: &ApiError) -> AnyView {
    let i18n = use_i18n();
    let text = error_text(i18n.t(), error);
    view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any()
}

/// One official's spell: who, at which post, what leave, when, and whether it is sanctioned.
#[component]
pub(crate) fn SpellCard(spell: OfficeSpell) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to, kind) = (spell.days.from, spell.days.to, spell.kind);
    let names = (spell.name_en, spell.name_hi);
    let sanctioned = spell.status == RosterStatus::Sanctioned;
    view! {
        <li class="leave-card">
            <span class="leave-card-who">{move || i18n.pick(&names.0, &names.1).to_owned()}</span>
            <span class="code">{spell.post.to_string()}</span>
            <span class="leave-card-kind">{move || i18n.t().leave.kind(kind)}</span>
            // The calendar shows the days away, not the days a kind of leave counts (casual
            // leave skips the weekend inside it): the dates say it without a misleading number.
            <span class="leave-card-dates">{move || i18n.t().leave.spell(from, to)}</span>
            <span class=if sanctioned { "badge badge-done" } else { "badge badge-pending" }>
                {move || if sanctioned { i18n.t().leave.roster_sanctioned } else { i18n.t().leave.roster_pending }}
            </span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::leave::roster::SpellDays;
    use daftar_domain::leave::{ApplicationId, LeaveKind};
    use daftar_domain::{EmployeeId, PostId};
    use time::macros::date;

    fn spell(from: Date, to: Date) -> OfficeSpell {
        OfficeSpell {
            application: ApplicationId::parse("LV-2026-000001").unwrap(),
            employee: EmployeeId::parse("HR2001").unwrap(),
            name_en: "Rajesh Verma".into(),
            name_hi: "राजेश वर्मा".into(),
            post: PostId::parse("FIN-HQ-SO").unwrap(),
            kind: LeaveKind::Earned,
            days: SpellDays {
                from,
                to,
                half_day_start: false,
                half_day_end: false,
            },
            status: RosterStatus::Sanctioned,
        }
    }

    #[test]
    fn each_day_counts_the_spells_over_it_including_those_from_other_months() {
        let month = YearMonth::parse("2026-12").unwrap();
        let spells = [
            spell(date!(2026 - 11 - 30), date!(2026 - 12 - 02)),
            spell(date!(2026 - 12 - 02), date!(2026 - 12 - 03)),
            spell(date!(2026 - 12 - 31), date!(2027 - 01 - 04)),
        ];
        let days = away_per_day(&spells, month);
        assert_eq!(days.len(), 31);
        assert_eq!(&days[..4].iter().map(|d| d.1).collect::<Vec<_>>(), &[1, 2, 1, 0]);
        assert_eq!(days[30], (date!(2026 - 12 - 31), 1));
    }

    #[test]
    fn the_grid_starts_on_monday_and_months_step_back_across_years() {
        // 1 December 2026 is a Tuesday; 1 February 2027 a Monday.
        assert_eq!(leading_blanks(YearMonth::parse("2026-12").unwrap()), 1);
        assert_eq!(leading_blanks(YearMonth::parse("2027-02").unwrap()), 0);
        assert_eq!(
            previous(YearMonth::parse("2027-01").unwrap()),
            YearMonth::parse("2026-12").unwrap()
        );
    }
}
