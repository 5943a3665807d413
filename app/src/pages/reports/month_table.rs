//! The table the month-wise reports share: one row per month, the same columns for files and
//! for receipts, and a total row.

use super::Text;
use crate::i18n::use_i18n;
use daftar_domain::reports::{NamedScope, YearMonth};
use leptos::prelude::*;

/// One month's figures for files and for receipts.
pub(super) struct MonthRow<T> {
    pub month: YearMonth,
    pub files: T,
    pub receipts: T,
}

/// How a month-wise report lays itself out.
pub(super) struct MonthTableLayout<T, V> {
    /// The column headings under "Files" and again under "Receipts".
    pub columns: &'static [Text],
    /// Whether the month column also says the year (when a report spans years).
    pub with_year: bool,
    /// The cells of one set of figures, as many as `columns`.
    pub cells: fn(T) -> V,
}

/// The heading (`{scope} — {period}`) and the table.
pub(super) fn month_table<T: 'static, V: IntoView + 'static>(
    scope: NamedScope,
    period: String,
    rows: Vec<MonthRow<T>>,
    total: (T, T),
    layout: MonthTableLayout<T, V>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (name_en, name_hi) = (scope.name_en, scope.name_hi);
    let heading = move || format!("{} — {period}", i18n.pick(&name_en, &name_hi));
    let MonthTableLayout {
        columns,
        with_year,
        cells,
    } = layout;
    let span = columns.len().to_string();
    view! {
        <h2>{heading}</h2>
        <div class="table-scroll">
            <table class="data-table report-table" aria-labelledby="report-heading">
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{i18n.text(|t| t.reports.month)}</th>
                        <th scope="colgroup" colspan=span.clone()>{i18n.text(|t| t.reports.files)}</th>
                        <th scope="colgroup" colspan=span>{i18n.text(|t| t.reports.receipts)}</th>
                    </tr>
                    <tr>
                        {(0..2).map(|_| columns.iter().map(|&column| view! {
                            <th scope="col">{i18n.text(column)}</th>
                        }).collect_view()).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let index = usize::from(row.month.month()).saturating_sub(1).min(11);
                        let year = row.month.year();
                        let label = move || {
                            let name = i18n.t().reports.months[index];
                            if with_year { format!("{name} {year}") } else { name.to_owned() }
                        };
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                {cells(row.files)}
                                {cells(row.receipts)}
                            </tr>
                        }
                    }).collect_view()}
                    <tr class="report-total">
                        <th scope="row">{i18n.text(|t| t.reports.total)}</th>
                        {cells(total.0)}
                        {cells(total.1)}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
