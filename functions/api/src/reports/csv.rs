//! Each report as CSV, headed in English or Hindi. Names come in the heading's language too.

use crate::csv_export::{CsvWriter, Lang};
use crate::error::ApiError;
use axum::response::Response;
use daftar_domain::file::draft::{DispatchEntry, DispatchStatus};
use daftar_domain::reports::{
    AgeingReport, DisposalReport, Dwell, ItemKind, MonthlyReport, PendingElsewhere, SummaryFigures, SummaryReport,
    YearMonth,
};

/// Headings as (English, Hindi) pairs, in the chosen language.
fn headings(lang: Lang, pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    pairs.iter().map(|(en, hi)| lang.pick(en, hi)).collect()
}

/// Seconds as days with one decimal, as the reports print an average stay.
fn days(seconds: Option<i64>) -> String {
    seconds.map_or_else(String::new, |s| format!("{:.1}", s as f64 / 86_400.0))
}

const AGEING: [(&str, &str); 4] = [
    ("0-7 days", "0-7 दिन"),
    ("8-15 days", "8-15 दिन"),
    ("16-30 days", "16-30 दिन"),
    ("Over 30 days", "30 दिन से अधिक"),
];

pub fn summary(report: &SummaryReport, lang: Lang) -> Result<Response, ApiError> {
    let mut columns = vec![("Scope", "क्षेत्र"), ("Code", "कोड")];
    columns.extend([
        ("Files pending", "लंबित फ़ाइलें"),
        ("Files over 7 days", "7 दिन से अधिक फ़ाइलें"),
        ("Files over 15 days", "15 दिन से अधिक फ़ाइलें"),
        ("Files over 30 days", "30 दिन से अधिक फ़ाइलें"),
        ("Files created this month", "इस माह बनाई गई फ़ाइलें"),
        ("Files received this month", "इस माह प्राप्त फ़ाइलें"),
        ("Files forwarded this month", "इस माह अग्रेषित फ़ाइलें"),
        ("Average days at a desk (files)", "डेस्क पर औसत दिन (फ़ाइलें)"),
        ("Receipts pending", "लंबित प्राप्तियाँ"),
        ("Receipts over 7 days", "7 दिन से अधिक प्राप्तियाँ"),
        ("Receipts over 15 days", "15 दिन से अधिक प्राप्तियाँ"),
        ("Receipts over 30 days", "30 दिन से अधिक प्राप्तियाँ"),
        ("Receipts created this month", "इस माह बनाई गई प्राप्तियाँ"),
        ("Receipts received this month", "इस माह प्राप्त प्राप्तियाँ"),
        ("Receipts forwarded this month", "इस माह अग्रेषित प्राप्तियाँ"),
        ("Average days at a desk (receipts)", "डेस्क पर औसत दिन (प्राप्तियाँ)"),
    ]);
    let mut csv = CsvWriter::new(headings(lang, &columns))?;
    let figures = |f: &SummaryFigures| {
        vec![
            f.pending.to_string(),
            f.over[0].to_string(),
            f.over[1].to_string(),
            f.over[2].to_string(),
            f.created_month.to_string(),
            f.received_month.to_string(),
            f.forwarded_month.to_string(),
            days(f.average_stay_seconds),
        ]
    };
    for row in &report.rows {
        let code = match &row.scope {
            daftar_domain::control::ScopeRef::State => String::new(),
            daftar_domain::control::ScopeRef::Department(c) => c.to_string(),
            daftar_domain::control::ScopeRef::Office(c) => c.to_string(),
            daftar_domain::control::ScopeRef::Section(c) => c.to_string(),
            daftar_domain::control::ScopeRef::Post(c) => c.to_string(),
        };
        let mut cells = vec![lang.pick(&row.name_en, &row.name_hi).to_owned(), code];
        cells.extend(figures(&row.files));
        cells.extend(figures(&row.receipts));
        csv.row(cells)?;
    }
    csv.into_response(&format!("summary-{}.csv", report.date))
}

pub fn my_files(items: &[PendingElsewhere], lang: Lang) -> Result<Response, ApiError> {
    let mut csv = CsvWriter::new(headings(
        lang,
        &[
            ("File number", "फ़ाइल संख्या"),
            ("Subject", "विषय"),
            ("My desk", "मेरी डेस्क"),
            ("Sent on", "भेजने की तिथि"),
            ("Pending with", "किसके पास लंबित"),
            ("Office", "कार्यालय"),
            ("Since", "कब से"),
            ("Days pending", "लंबित दिन"),
        ],
    ))?;
    for item in items {
        let (holder, office) = match &item.holder_label {
            Some(label) => (
                lang.pick(&label.title_en, &label.title_hi).to_owned(),
                lang.pick(&label.office_name_en, &label.office_name_hi).to_owned(),
            ),
            None => (item.holder.to_string(), String::new()),
        };
        csv.row([
            item.number.clone(),
            item.subject.clone(),
            item.my_post.to_string(),
            item.sent_at.date().to_string(),
            holder,
            office,
            daftar_domain::local_time::office_date(item.held_since).to_string(),
            item.days_pending.to_string(),
        ])?;
    }
    csv.into_response("my-files-pending-elsewhere.csv")
}

pub fn ageing(report: &AgeingReport, lang: Lang) -> Result<Response, ApiError> {
    let mut csv = CsvWriter::new(headings(
        lang,
        &[
            ("Desk", "डेस्क"),
            ("Held by", "धारक"),
            ("Kind", "प्रकार"),
            ("Number", "संख्या"),
            ("Subject", "विषय"),
            ("Since", "कब से"),
            ("Days pending", "लंबित दिन"),
            ("Age", "अवधि"),
        ],
    ))?;
    for desk in &report.desks {
        let holder = match lang {
            crate::csv_export::Lang::En => desk.holder_en.clone(),
            crate::csv_export::Lang::Hi => desk.holder_hi.clone(),
        }
        .unwrap_or_default();
        for item in &desk.items {
            let kind = match item.kind {
                ItemKind::File => lang.pick("File", "फ़ाइल"),
                ItemKind::Receipt => lang.pick("Receipt", "प्राप्ति"),
            };
            let (en, hi) = AGEING[usize::from(item.bucket).min(3)];
            csv.row([
                lang.pick(&desk.title_en, &desk.title_hi).to_owned(),
                holder.clone(),
                kind.to_owned(),
                item.number.clone(),
                item.subject.clone(),
                daftar_domain::local_time::office_date(item.since).to_string(),
                item.days.to_string(),
                lang.pick(en, hi).to_owned(),
            ])?;
        }
    }
    csv.into_response(&format!("pendency-{}-{}.csv", report.office, report.date))
}

pub fn monthly(report: &MonthlyReport, lang: Lang) -> Result<Response, ApiError> {
    let mut csv = CsvWriter::new(headings(
        lang,
        &[
            ("Month", "माह"),
            ("Files created", "बनाई गई फ़ाइलें"),
            ("Files received", "प्राप्त फ़ाइलें"),
            ("Files forwarded", "अग्रेषित फ़ाइलें"),
            ("Receipts created", "बनाई गई प्राप्तियाँ"),
            ("Receipts received", "प्राप्त प्राप्तियाँ"),
            ("Receipts forwarded", "अग्रेषित प्राप्तियाँ"),
        ],
    ))?;
    let flow =
        |f: &daftar_domain::reports::Flow| vec![f.created.to_string(), f.received.to_string(), f.forwarded.to_string()];
    let months = report.months.iter().map(|m| (m.month, &m.files, &m.receipts));
    month_rows(&mut csv, lang, months, (&report.files, &report.receipts), flow)?;
    csv.into_response(&format!("month-wise-{}.csv", report.year))
}

/// A row per month and a total row: the month, then the files' figures, then the receipts'.
fn month_rows<'a, T: 'a>(
    csv: &mut CsvWriter,
    lang: Lang,
    months: impl Iterator<Item = (YearMonth, &'a T, &'a T)>,
    total: (&T, &T),
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<(), ApiError> {
    let line = |label: String, files: &T, receipts: &T| {
        let mut row = vec![label];
        row.extend(cells(files));
        row.extend(cells(receipts));
        row
    };
    for (month, files, receipts) in months {
        csv.row(line(month.to_string(), files, receipts))?;
    }
    csv.row(line(lang.pick("Total", "योग").to_owned(), total.0, total.1))
}

pub fn disposal(report: &DisposalReport, lang: Lang) -> Result<Response, ApiError> {
    let mut csv = CsvWriter::new(headings(
        lang,
        &[
            ("Month", "माह"),
            ("File stays ended", "फ़ाइलों के पूर्ण ठहराव"),
            ("Average days at a desk (files)", "डेस्क पर औसत दिन (फ़ाइलें)"),
            ("Receipt stays ended", "प्राप्तियों के पूर्ण ठहराव"),
            ("Average days at a desk (receipts)", "डेस्क पर औसत दिन (प्राप्तियाँ)"),
        ],
    ))?;
    let dwell = |d: &Dwell| vec![d.stays.to_string(), days(d.average_seconds)];
    let months = report.months.iter().map(|m| (m.month, &m.files, &m.receipts));
    month_rows(&mut csv, lang, months, (&report.files, &report.receipts), dwell)?;
    csv.into_response(&format!("disposal-{}-{}.csv", report.from, report.to))
}

pub fn dispatch(office: &str, year: i32, entries: &[DispatchEntry], lang: Lang) -> Result<Response, ApiError> {
    let mut csv = CsvWriter::new(headings(
        lang,
        &[
            ("Dispatch number", "प्रेषण संख्या"),
            ("File number", "फ़ाइल संख्या"),
            ("Subject", "विषय"),
            ("Addressees", "प्रेषिती"),
            ("Mode", "माध्यम"),
            ("Issued by", "जारीकर्ता"),
            ("Issued on", "जारी करने की तिथि"),
            ("Dispatched on", "प्रेषण तिथि"),
            ("Reference", "संदर्भ"),
        ],
    ))?;
    for entry in entries {
        let (dispatched, reference) = match &entry.status {
            DispatchStatus::Issued => (String::new(), String::new()),
            DispatchStatus::Dispatched { at, reference, .. } => (
                daftar_domain::local_time::office_date(*at).to_string(),
                reference.to_string(),
            ),
        };
        let mode = serde_json::to_value(entry.mode)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        csv.row([
            entry.number_text.clone(),
            entry.file_number.clone(),
            entry.subject.to_string(),
            entry
                .addressees
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
            mode,
            entry.issued_by.to_string(),
            daftar_domain::local_time::office_date(entry.issued_at).to_string(),
            dispatched,
            reference,
        ])?;
    }
    csv.into_response(&format!("dispatch-{office}-{year}.csv"))
}
