//! CSV downloads: UTF-8 with a byte-order mark (so Excel shows Hindi), CRLF line ends, and
//! every cell a spreadsheet would run as a formula neutralised with a leading apostrophe.

use crate::error::ApiError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use daftar_domain::pims::neutralise_cell;

/// The language of a download's column headings (`?lang=en|hi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    /// `hi` is Hindi; anything else (or nothing) English, as the PIMS export always took it.
    pub fn lenient(raw: Option<&str>) -> Self {
        if raw == Some("hi") {
            Self::Hi
        } else {
            Self::En
        }
    }

    /// `en`, `hi` or nothing; anything else is refused.
    pub fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        match raw {
            None | Some("en") => Ok(Self::En),
            Some("hi") => Ok(Self::Hi),
            Some(_) => Err(ApiError::invalid("lang", "lang must be en or hi").with_hindi("भाषा en या hi होनी चाहिए")),
        }
    }

    /// The English or the Hindi of a pair.
    pub fn pick<'a>(self, en: &'a str, hi: &'a str) -> &'a str {
        match self {
            Self::En => en,
            Self::Hi => hi,
        }
    }
}

/// A CSV file being written: the headings first, then rows.
pub struct CsvWriter {
    writer: csv::Writer<Vec<u8>>,
}

fn failed(error: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("writing CSV: {error}"))
}

impl CsvWriter {
    pub fn new<I, S>(headings: I) -> Result<Self, ApiError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut writer = Self {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new()),
        };
        writer.row(headings)?;
        Ok(writer)
    }

    /// Writes one row, neutralising each cell (a cell already neutralised is left as it is).
    pub fn row<I, S>(&mut self, cells: I) -> Result<(), ApiError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|cell| neutralise_cell(cell.as_ref()).into_owned())
            .collect();
        self.writer.write_record(&cells).map_err(failed)
    }

    /// The file as a download named `filename` (ASCII), not to be cached.
    pub fn into_response(self, filename: &str) -> Result<Response, ApiError> {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(self.writer.into_inner().map_err(failed)?);
        let mut response = (StatusCode::OK, bytes).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn a_download_has_a_bom_crlf_and_no_live_formulas() {
        let mut csv = CsvWriter::new(["विषय", "Days"]).unwrap();
        csv.row(["=HYPERLINK(\"http://x\",\"y\")", "3"]).unwrap();
        csv.row(["'=already", "@SUM(A1)"]).unwrap();
        let response = csv.into_response("report.csv").unwrap();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "विषय,Days\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3\r\n'=already,'@SUM(A1)\r\n"
        );
    }

    #[test]
    fn only_en_and_hi_are_languages() {
        assert_eq!(Lang::parse(None).unwrap(), Lang::En);
        assert_eq!(Lang::parse(Some("hi")).unwrap(), Lang::Hi);
        assert!(Lang::parse(Some("fr")).is_err());
        assert_eq!(Lang::lenient(Some("fr")), Lang::En);
    }
}
