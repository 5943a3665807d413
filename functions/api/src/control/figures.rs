//! From a scope's counters to the control room's figures: pure arithmetic on what one query of
//! the scope's partition returned, tested without a store.

use crate::counters::{month_of, Counted, Metric};
use daftar_domain::control::{Figures, Pendency, TrendPoint, AGEING_DAYS};
use daftar_domain::PostId;
use std::collections::BTreeMap;
use time::{Date, Duration};

/// One counter read back: what it counts, which counter, and its value.
pub type Counter = (Counted, Metric, i64);

/// How many days of trend the dashboards draw.
pub const TREND_DAYS: i64 = 14;

/// The figures of a scope on an office date. "This week" runs from Monday, as an office's
/// week does; ageing counts whole days at the present desk, so a file that arrived eight days
/// ago is pending beyond seven.
pub fn figures(counters: &[Counter], today: Date) -> Figures {
    Figures {
        files: pendency(counters, Counted::Files, today),
        receipts: pendency(counters, Counted::Receipts, today),
        on_leave_today: None,
    }
}

fn pendency(counters: &[Counter], counted: Counted, today: Date) -> Pendency {
    let monday = today - Duration::days(i64::from(today.weekday().number_days_from_monday()));
    let month = month_of(today);
    let mut out = Pendency::default();
    for (_, metric, count) in counters.iter().filter(|(c, ..)| *c == counted) {
        let count = *count;
        match metric {
            Metric::Pending => out.pending += count,
            Metric::Created(day) if *day == today => {
                out.created_today += count;
                out.created_week += count;
            }
            Metric::Created(day) if (monday..today).contains(day) => out.created_week += count,
            Metric::Moved(day) if *day == today => {
                out.moved_today += count;
                out.moved_week += count;
            }
            Metric::Moved(day) if (monday..today).contains(day) => out.moved_week += count,
            Metric::Waiting(since) if count > 0 => {
                let age = (today - *since).whole_days();
                for (over, days) in out.over.iter_mut().zip(AGEING_DAYS) {
                    if age > i64::from(days) {
                        *over += count;
                    }
                }
                out.oldest_since = Some(out.oldest_since.map_or(*since, |oldest| oldest.min(*since)));
            }
            Metric::DwellSeconds(m) if *m == month => out.stay_seconds_month += count,
            Metric::DwellStays(m) if *m == month => out.stays_month += count,
            _ => {}
        }
    }
    out
}

/// Items created and moved each day of the last [`TREND_DAYS`], oldest first, with the days
/// nothing happened as zeros so the lines keep their spacing.
pub fn trend(counters: &[Counter], today: Date) -> Vec<TrendPoint> {
    let first = today - Duration::days(TREND_DAYS - 1);
    let mut points: BTreeMap<Date, TrendPoint> = (0..TREND_DAYS)
        .map(|n| first + Duration::days(n))
        .map(|date| {
            (
                date,
                TrendPoint {
                    date,
                    files_created: 0,
                    files_moved: 0,
                    receipts_created: 0,
                    receipts_moved: 0,
                },
            )
        })
        .collect();
    for (counted, metric, count) in counters {
        let (Metric::Created(day) | Metric::Moved(day)) = metric else {
            continue;
        };
        let Some(point) = points.get_mut(day) else {
            continue;
        };
        let slot = match (counted, metric) {
            (Counted::Files, Metric::Created(_)) => &mut point.files_created,
            (Counted::Files, _) => &mut point.files_moved,
            (Counted::Receipts, Metric::Created(_)) => &mut point.receipts_created,
            (Counted::Receipts, _) => &mut point.receipts_moved,
        };
        *slot += count;
    }
    points.into_values().collect()
}

/// The desks of a department with files or receipts pending, most files first (then most
/// receipts), at most `limit`.
pub fn busiest_desks(counters: &[Counter], limit: usize) -> Vec<(PostId, i64, i64)> {
    let mut desks: BTreeMap<&PostId, (i64, i64)> = BTreeMap::new();
    for (counted, metric, count) in counters {
        if let Metric::Desk(post) = metric {
            let entry = desks.entry(post).or_default();
            match counted {
                Counted::Files => entry.0 += count,
                Counted::Receipts => entry.1 += count,
            }
        }
    }
    let mut desks: Vec<(PostId, i64, i64)> = desks
        .into_iter()
        .filter(|(_, (files, receipts))| files + receipts > 0)
        .map(|(post, (files, receipts))| (post.clone(), files, receipts))
        .collect();
    desks.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then_with(|| a.0.cmp(&b.0)));
    desks.truncate(limit);
    desks
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    // A Wednesday.
    const TODAY: Date = date!(2026 - 11 - 25);

    fn days_ago(n: i64) -> Date {
        TODAY - Duration::days(n)
    }

    #[test]
    fn ageing_counts_whole_days_at_the_desk_and_finds_the_oldest() {
        let counters = vec![
            (Counted::Files, Metric::Pending, 6),
            (Counted::Files, Metric::Waiting(days_ago(0)), 1),
            (Counted::Files, Metric::Waiting(days_ago(7)), 1),
            (Counted::Files, Metric::Waiting(days_ago(8)), 1),
            (Counted::Files, Metric::Waiting(days_ago(16)), 1),
            (Counted::Files, Metric::Waiting(days_ago(31)), 2),
            // Every file that reached a desk that day has moved on since.
            (Counted::Files, Metric::Waiting(days_ago(90)), 0),
            (Counted::Receipts, Metric::Waiting(days_ago(40)), 3),
        ];
        let figures = figures(&counters, TODAY);
        assert_eq!(figures.files.pending, 6);
        assert_eq!(figures.files.over, [4, 3, 2]);
        assert_eq!(figures.files.oldest_since, Some(days_ago(31)));
        assert_eq!(figures.receipts.over, [3, 3, 3]);
    }

    #[test]
    fn the_week_starts_on_monday_and_today_is_in_it() {
        let counters = vec![
            (Counted::Files, Metric::Created(TODAY), 2),
            (Counted::Files, Metric::Created(days_ago(2)), 3), // Monday
            (Counted::Files, Metric::Created(days_ago(3)), 100), // last Sunday
            (Counted::Receipts, Metric::Moved(days_ago(1)), 4),
        ];
        let figures = figures(&counters, TODAY);
        assert_eq!((figures.files.created_today, figures.files.created_week), (2, 5));
        assert_eq!((figures.receipts.moved_today, figures.receipts.moved_week), (0, 4));
    }

    #[test]
    fn the_average_stay_is_this_months_seconds_over_this_months_stays() {
        let counters = vec![
            (Counted::Files, Metric::DwellSeconds("2026-11".into()), 3 * 86_400),
            (Counted::Files, Metric::DwellStays("2026-11".into()), 2),
            (Counted::Files, Metric::DwellSeconds("2026-10".into()), 999_999),
            (Counted::Files, Metric::DwellStays("2026-10".into()), 1),
        ];
        let files = figures(&counters, TODAY).files;
        assert_eq!(files.average_stay_seconds(), Some(129_600));
        assert_eq!(figures(&[], TODAY).files.average_stay_seconds(), None);
    }

    #[test]
    fn the_trend_has_every_day_once_oldest_first() {
        let counters = vec![
            (Counted::Files, Metric::Created(TODAY), 2),
            (Counted::Files, Metric::Moved(days_ago(13)), 5),
            (Counted::Receipts, Metric::Created(days_ago(14)), 9),
        ];
        let trend = trend(&counters, TODAY);
        assert_eq!(trend.len(), 14);
        assert_eq!((trend[0].date, trend[0].files_moved), (days_ago(13), 5));
        assert_eq!(trend[13].files_created, 2);
        assert_eq!(trend.iter().map(|p| p.receipts_created).sum::<i64>(), 0);
    }

    #[test]
    fn the_busiest_desks_come_first_and_empty_ones_not_at_all() {
        let post = |id: &str| PostId::parse(id).unwrap();
        let counters = vec![
            (Counted::Files, Metric::Desk(post("FIN-HQ-SO")), 2),
            (Counted::Files, Metric::Desk(post("FIN-HQ-DS")), 5),
            (Counted::Receipts, Metric::Desk(post("FIN-HQ-SO")), 7),
            (Counted::Files, Metric::Desk(post("FIN-HQ-CRU")), 0),
        ];
        assert_eq!(
            busiest_desks(&counters, 10),
            vec![(post("FIN-HQ-DS"), 5, 0), (post("FIN-HQ-SO"), 2, 7)]
        );
        assert_eq!(busiest_desks(&counters, 1).len(), 1);
    }
}
