//! From one query of a scope's counters to the reports' figures: pure sums by month, tested
//! without a store.

use crate::control::figures::{figures, Counter};
use crate::counters::{Counted, Metric};
use daftar_domain::reports::{DisposalMonth, Dwell, Flow, MonthFlow, SummaryFigures, YearMonth};
use std::collections::BTreeMap;
use time::Date;

/// Created, received and forwarded items of each kind in each month the counters name.
fn flows(counters: &[Counter]) -> BTreeMap<(YearMonth, Counted), Flow> {
    let mut out: BTreeMap<(YearMonth, Counted), Flow> = BTreeMap::new();
    for (counted, metric, count) in counters {
        let (day, slot): (Date, fn(&mut Flow) -> &mut i64) = match metric {
            Metric::Created(day) => (*day, |f| &mut f.created),
            Metric::Received(day) => (*day, |f| &mut f.received),
            Metric::Moved(day) => (*day, |f| &mut f.forwarded),
            _ => continue,
        };
        *slot(out.entry((YearMonth::of(day), *counted)).or_default()) += count;
    }
    out
}

/// The twelve months of `year`, January first, with the months nothing happened as zeros.
pub fn month_wise(counters: &[Counter], year: i32) -> Vec<MonthFlow> {
    let flows = flows(counters);
    (1..=12u8)
        .filter_map(|m| YearMonth::new(year, m).ok())
        .map(|month| MonthFlow {
            month,
            files: flows.get(&(month, Counted::Files)).copied().unwrap_or_default(),
            receipts: flows.get(&(month, Counted::Receipts)).copied().unwrap_or_default(),
        })
        .collect()
}

/// Stays that ended in each month from `from` to `to` (both included), with their average.
pub fn disposal(counters: &[Counter], from: YearMonth, to: YearMonth) -> Vec<DisposalMonth> {
    // (stays, seconds) per month and kind.
    let mut sums: BTreeMap<(YearMonth, Counted), (i64, i64)> = BTreeMap::new();
    for (counted, metric, count) in counters {
        let (month, stays) = match metric {
            Metric::DwellStays(month) => (month, true),
            Metric::DwellSeconds(month) => (month, false),
            _ => continue,
        };
        let Ok(month) = YearMonth::parse(month) else {
            continue;
        };
        let entry = sums.entry((month, *counted)).or_default();
        if stays {
            entry.0 += count;
        } else {
            entry.1 += count;
        }
    }
    let dwell = |month, counted| {
        let (stays, seconds) = sums.get(&(month, counted)).copied().unwrap_or_default();
        Dwell::new(stays, seconds)
    };
    std::iter::successors(Some(from), |m| Some(m.next()))
        .take(from.months_to(to) as usize)
        .map(|month| DisposalMonth {
            month,
            files: dwell(month, Counted::Files),
            receipts: dwell(month, Counted::Receipts),
        })
        .collect()
}

/// Adds up the months of a disposal report.
pub fn disposal_total(months: &[DisposalMonth]) -> (Dwell, Dwell) {
    let sum = |pick: fn(&DisposalMonth) -> Dwell| {
        let (stays, seconds) = months
            .iter()
            .map(pick)
            .fold((0, 0), |(n, s), d| (n + d.stays, s + d.seconds));
        Dwell::new(stays, seconds)
    };
    (sum(|m| m.files), sum(|m| m.receipts))
}

/// A scope's line of the departmental summary on an office date: the control room's pendency
/// and ageing, and this month's movement.
pub fn summary(counters: &[Counter], today: Date) -> (SummaryFigures, SummaryFigures) {
    let control = figures(counters, today);
    let flows = flows(counters);
    let month = YearMonth::of(today);
    let line = |pendency: &daftar_domain::control::Pendency, counted| {
        let flow = flows.get(&(month, counted)).copied().unwrap_or_default();
        SummaryFigures {
            pending: pendency.pending,
            over: pendency.over,
            created_month: flow.created,
            received_month: flow.received,
            forwarded_month: flow.forwarded,
            stays_month: pendency.stays_month,
            average_stay_seconds: pendency.average_stay_seconds(),
        }
    };
    (
        line(&control.files, Counted::Files),
        line(&control.receipts, Counted::Receipts),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn month(raw: &str) -> YearMonth {
        YearMonth::parse(raw).unwrap()
    }

    #[test]
    fn month_wise_sums_the_days_of_each_month_of_the_year_only() {
        let counters = vec![
            (Counted::Files, Metric::Created(date!(2026 - 03 - 01)), 2),
            (Counted::Files, Metric::Created(date!(2026 - 03 - 31)), 3),
            (Counted::Files, Metric::Moved(date!(2026 - 03 - 15)), 4),
            (Counted::Files, Metric::Received(date!(2026 - 12 - 31)), 1),
            (Counted::Receipts, Metric::Created(date!(2026 - 01 - 01)), 7),
            (Counted::Receipts, Metric::Received(date!(2026 - 01 - 02)), 6),
            // Another year, and counters that are not movement, are left out.
            (Counted::Files, Metric::Created(date!(2025 - 03 - 01)), 100),
            (Counted::Files, Metric::Waiting(date!(2026 - 03 - 01)), 100),
            (Counted::Files, Metric::Pending, 100),
        ];
        let months = month_wise(&counters, 2026);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].month, month("2026-01"));
        assert_eq!(
            months[2].files,
            Flow {
                created: 5,
                received: 0,
                forwarded: 4
            }
        );
        assert_eq!(months[11].files.received, 1);
        assert_eq!((months[0].receipts.created, months[0].receipts.received), (7, 6));
        assert_eq!(
            months[5],
            MonthFlow {
                month: month("2026-06"),
                files: Flow::default(),
                receipts: Flow::default()
            }
        );
    }

    #[test]
    fn disposal_averages_each_month_and_spans_the_year_end() {
        let counters = vec![
            (Counted::Files, Metric::DwellSeconds("2026-11".into()), 3 * 86_400),
            (Counted::Files, Metric::DwellStays("2026-11".into()), 2),
            (Counted::Files, Metric::DwellSeconds("2027-01".into()), 600),
            (Counted::Files, Metric::DwellStays("2027-01".into()), 1),
            (Counted::Receipts, Metric::DwellStays("2026-12".into()), 4),
            (Counted::Receipts, Metric::DwellSeconds("2026-12".into()), 400),
            // Outside the range.
            (Counted::Files, Metric::DwellStays("2026-10".into()), 9),
        ];
        let months = disposal(&counters, month("2026-11"), month("2027-01"));
        let labels: Vec<String> = months.iter().map(|m| m.month.to_string()).collect();
        assert_eq!(labels, ["2026-11", "2026-12", "2027-01"]);
        assert_eq!(
            months[0].files,
            Dwell {
                stays: 2,
                seconds: 259_200,
                average_seconds: Some(129_600)
            }
        );
        assert_eq!(months[1].files, Dwell::default());
        assert_eq!(months[1].receipts.average_seconds, Some(100));
        let (files, receipts) = disposal_total(&months);
        assert_eq!(
            (files.stays, files.seconds, files.average_seconds),
            (3, 259_800, Some(86_600))
        );
        assert_eq!(receipts.stays, 4);
    }

    #[test]
    fn the_summary_line_takes_this_months_movement_and_the_control_rooms_ageing() {
        let today = date!(2026 - 11 - 25);
        let counters = vec![
            (Counted::Files, Metric::Pending, 3),
            (Counted::Files, Metric::Waiting(date!(2026 - 10 - 01)), 1),
            (Counted::Files, Metric::Waiting(date!(2026 - 11 - 20)), 2),
            (Counted::Files, Metric::Created(date!(2026 - 11 - 02)), 2),
            (Counted::Files, Metric::Created(date!(2026 - 10 - 31)), 5),
            (Counted::Files, Metric::Received(date!(2026 - 11 - 20)), 4),
            (Counted::Files, Metric::Moved(date!(2026 - 11 - 24)), 1),
            (Counted::Files, Metric::DwellSeconds("2026-11".into()), 100),
            (Counted::Files, Metric::DwellStays("2026-11".into()), 1),
        ];
        let (files, receipts) = summary(&counters, today);
        assert_eq!(
            files,
            SummaryFigures {
                pending: 3,
                over: [1, 1, 1],
                created_month: 2,
                received_month: 4,
                forwarded_month: 1,
                stays_month: 1,
                average_stay_seconds: Some(100),
            }
        );
        assert_eq!(receipts, SummaryFigures::default());
    }
}
