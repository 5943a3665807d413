//! The control room's charts, drawn as SVG: a bar per row split by how long its files have
//! waited, and the trend lines of the last fortnight. Each has a title and a description for
//! screen readers, labels its numbers in text, and comes with the same numbers as a table.

use crate::i18n::{fill, use_i18n};
use daftar_domain::control::{Pendency, ScopeRow, TrendPoint};
use leptos::prelude::*;

/// Pending files split into the four ageing bands: up to 7 days, 8–15, 16–30, over 30.
pub fn bands(pendency: &Pendency) -> [i64; 4] {
    let [over7, over15, over30] = pendency.over;
    [
        (pendency.pending - over7).max(0),
        (over7 - over15).max(0),
        (over15 - over30).max(0),
        over30.max(0),
    ]
}

/// A round number at or above `max` for an axis to end on: 1, 2 or 5 times a power of ten.
pub fn nice_ceiling(max: i64) -> i64 {
    if max <= 0 {
        return 1;
    }
    let mut power = 1;
    while power * 10 < max {
        power *= 10;
    }
    [1, 2, 5, 10]
        .iter()
        .map(|m| m * power)
        .find(|v| *v >= max)
        .unwrap_or(10 * power)
}

/// Numbers as Indian offices write them: 1,23,456.
pub fn indian(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    if digits.len() <= 3 {
        return format!("{sign}{digits}");
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (left, right) = rest.split_at(rest.len() - 2);
        groups.push(right);
        rest = left;
    }
    groups.push(rest);
    groups.reverse();
    format!("{sign}{},{tail}", groups.join(","))
}

const BAR_ROW: f64 = 34.0;
const LABEL_WIDTH: f64 = 420.0;
const BAR_WIDTH: f64 = 500.0;

/// Horizontal bars of files pending, one per row, split into the ageing bands.
#[component]
pub fn PendencyBars(rows: Vec<ScopeRow>, #[prop(into)] of: Signal<&'static str>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let max = nice_ceiling(rows.iter().map(|r| r.figures.files.pending).max().unwrap_or(0)) as f64;
    let height = BAR_ROW * rows.len() as f64 + 40.0;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelledby = format!("{title_id} {desc_id}");
    let busiest = rows
        .iter()
        .max_by_key(|r| r.figures.files.pending)
        .map(|r| (r.name_en.clone(), r.name_hi.clone()));
    let count = rows.len();
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let y = 10.0 + BAR_ROW * i as f64;
            let names = (row.name_en.clone(), row.name_hi.clone());
            let mut x = LABEL_WIDTH;
            let segments = bands(&row.figures.files)
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(band, n)| {
                    let width = BAR_WIDTH * n as f64 / max;
                    let at = x;
                    x += width;
                    view! {
                        <rect x=at y=y width=width height=BAR_ROW - 10.0 class=format!("band band-{band}")>
                            <title>{move || format!("{}: {}", i18n.t().control.ageing_bands[band], n)}</title>
                        </rect>
                    }
                })
                .collect_view();
            let total = row.figures.files.pending;
            view! {
                <g class="bar-row">
                    <text x=LABEL_WIDTH - 10.0 y=y + 17.0 text-anchor="end" class="bar-label">
                        {move || i18n.pick(&names.0, &names.1).to_owned()}
                    </text>
                    {segments}
                    <text x=x + 8.0 y=y + 17.0 class="bar-value">{indian(total)}</text>
                </g>
            }
        })
        .collect_view();
    let legend = (0..4)
        .map(|band| {
            let x = LABEL_WIDTH - 400.0 + 200.0 * band as f64;
            view! {
                <g class="legend">
                    <rect x=x y=height - 24.0 width=16 height=16 class=format!("band band-{band}")/>
                    <text x=x + 22.0 y=height - 11.0>{move || i18n.t().control.ageing_bands[band]}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart chart-bars" role="img" viewBox=format!("0 0 1000 {height}")
            aria-labelledby=labelledby preserveAspectRatio="xMinYMin meet">
            <title id=title_id>{move || fill(i18n.t().control.bars_title, "{name}", of.get())}</title>
            <desc id=desc_id>{move || {
                let t = &i18n.t().control;
                let name = busiest.as_ref().map(|(en, hi)| i18n.pick(en, hi).to_owned()).unwrap_or_default();
                fill(&fill(t.bars_desc, "{n}", &count.to_string()), "{name}", &name)
            }}</desc>
            {bars}
            {legend}
        </svg>
    }
}

const TREND_WIDTH: f64 = 1000.0;
const TREND_HEIGHT: f64 = 300.0;
const TREND_LEFT: f64 = 60.0;
const TREND_BOTTOM: f64 = 250.0;
const TREND_TOP: f64 = 20.0;

/// Where each day's value falls on the trend chart.
pub fn trend_points(values: &[i64], max: i64) -> Vec<(f64, f64)> {
    let span = (values.len().max(2) - 1) as f64;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = TREND_LEFT + (TREND_WIDTH - TREND_LEFT - 20.0) * i as f64 / span;
            let y = TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * (*v as f64) / max.max(1) as f64;
            (x, y)
        })
        .collect()
}

type Series = (
    fn(&TrendPoint) -> i64,
    fn(&crate::i18n::Texts) -> &'static str,
    &'static str,
);

const SERIES: [Series; 4] = [
    (|p| p.files_created, |t| t.control.files_created, "line-files-created"),
    (|p| p.files_moved, |t| t.control.files_moved, "line-files-moved"),
    (
        |p| p.receipts_created,
        |t| t.control.receipts_created,
        "line-receipts-created",
    ),
    (
        |p| p.receipts_moved,
        |t| t.control.receipts_moved,
        "line-receipts-moved",
    ),
];

/// The last fortnight's files and receipts created and moved, as four lines, and as a table.
#[component]
pub fn TrendChart(points: Vec<TrendPoint>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let max = nice_ceiling(
        points
            .iter()
            .flat_map(|p| SERIES.iter().map(move |(value, ..)| value(p)))
            .max()
            .unwrap_or(0),
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelledby = format!("{title_id} {desc_id}");
    let days = points.len();
    let lines = SERIES
        .iter()
        .map(|(value, name, class)| {
            let values: Vec<i64> = points.iter().map(value).collect();
            let at = trend_points(&values, max);
            let path = at.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
            let marks = at
                .iter()
                .zip(&values)
                .map(|((x, y), v)| {
                    let v = *v;
                    view! { <circle cx=*x cy=*y r="5" class=*class><title>{move || format!("{}: {v}", name(i18n.t()))}</title></circle> }
                })
                .collect_view();
            view! { <g><polyline points=path class=format!("line {class}") fill="none"/>{marks}</g> }
        })
        .collect_view();
    let ticks = [0, max / 2, max]
        .into_iter()
        .map(|v| {
            let y = TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * v as f64 / max as f64;
            view! {
                <g class="tick">
                    <line x1=TREND_LEFT x2=TREND_WIDTH - 20.0 y1=y y2=y class="gridline"/>
                    <text x=TREND_LEFT - 8.0 y=y + 5.0 text-anchor="end">{indian(v)}</text>
                </g>
            }
        })
        .collect_view();
    let first_last = [points.first(), points.last()]
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, p)| {
            let x = if i == 0 { TREND_LEFT } else { TREND_WIDTH - 20.0 };
            let anchor = if i == 0 { "start" } else { "end" };
            view! { <text x=x y=TREND_BOTTOM + 24.0 text-anchor=anchor class="axis-label">{crate::format::human_date(p.date)}</text> }
        })
        .collect_view();
    let legend = SERIES
        .iter()
        .enumerate()
        .map(|(i, (_, name, class))| {
            let x = TREND_LEFT + 230.0 * i as f64;
            view! {
                <g class="legend">
                    <line x1=x x2=x + 28.0 y1=TREND_HEIGHT - 10.0 y2=TREND_HEIGHT - 10.0 class=format!("line {class}")/>
                    <text x=x + 36.0 y=TREND_HEIGHT - 4.0>{move || name(i18n.t())}</text>
                </g>
            }
        })
        .collect_view();
    let rows = points
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{crate::format::human_date(p.date)}</th>
                    {SERIES.iter().map(|(value, ..)| view! { <td class="num">{indian(value(p))}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure">
            <svg class="chart chart-trend" role="img" viewBox=format!("0 0 {TREND_WIDTH} {TREND_HEIGHT}")
                aria-labelledby=labelledby>
                <title id=title_id>{i18n.text(|t| t.control.trend_title)}</title>
                <desc id=desc_id>{move || fill(i18n.t().control.trend_desc, "{n}", &days.to_string())}</desc>
                {ticks}
                {lines}
                {first_last}
                {legend}
            </svg>
            <details class="chart-table">
                <summary>{i18n.text(|t| t.control.show_table)}</summary>
                <table class="data-table">
                    <caption>{i18n.text(|t| t.control.trend_title)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.text(|t| t.control.date)}</th>
                        {SERIES.iter().map(|(_, name, _)| view! { <th scope="col">{move || name(i18n.t())}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ageing_bands_add_up_to_the_pending() {
        let pendency = Pendency {
            pending: 10,
            over: [6, 3, 1],
            ..Pendency::default()
        };
        assert_eq!(bands(&pendency), [4, 3, 2, 1]);
        assert_eq!(bands(&pendency).iter().sum::<i64>(), 10);
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_ceiling(0), 1);
        assert_eq!(nice_ceiling(7), 10);
        assert_eq!(nice_ceiling(13), 20);
        assert_eq!(nice_ceiling(48), 50);
        assert_eq!(nice_ceiling(101), 200);
    }

    #[test]
    fn numbers_are_grouped_the_indian_way() {
        assert_eq!(indian(0), "0");
        assert_eq!(indian(999), "999");
        assert_eq!(indian(1000), "1,000");
        assert_eq!(indian(123_456), "1,23,456");
        assert_eq!(indian(10_400_000), "1,04,00,000");
        assert_eq!(indian(-12_345), "-12,345");
    }

    #[test]
    fn the_trend_runs_left_to_right_and_higher_is_up() {
        let at = trend_points(&[0, 5, 10], 10);
        assert!(at[0].0 < at[1].0 && at[1].0 < at[2].0);
        assert_eq!(at[0].1, TREND_BOTTOM);
        assert_eq!(at[2].1, TREND_TOP);
    }
}
