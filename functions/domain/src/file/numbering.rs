//! File numbers, built by each department's numbering scheme: `FIN-BUDGET/GEN/12/2026`.

use crate::ids::{DeptCode, SectionCode, SubjectHead};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One piece of a numbering scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Dept,
    Section,
    Head,
    Serial,
    Year,
}

const PLACEHOLDERS: [(&str, Part); 5] = [
    ("dept", Part::Dept),
    ("section", Part::Section),
    ("head", Part::Head),
    ("serial", Part::Serial),
    ("year", Part::Year),
];

/// How a department numbers its files, written as a template such as
/// `{dept}-{section}/{head}/{serial}/{year}`.
///
/// Serials count per department and year, so every scheme must carry the department, the serial
/// and the year; without them two files could get the same number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NumberingScheme {
    template: String,
    parts: Vec<Part>,
}

/// Why a numbering template was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidScheme {
    #[error("unknown placeholder {{{0}}}; use dept, section, head, serial or year")]
    UnknownPlaceholder(String),
    #[error("the scheme must contain {{{0}}}, or two files could get the same number")]
    Missing(&'static str),
    #[error("an opening brace is never closed")]
    Unclosed,
    #[error("separators may only be '-', '/', '.' or '_', letters and digits")]
    BadSeparator,
    #[error("placeholders must be separated, or numbers cannot be read back")]
    Adjacent,
    #[error("the scheme may be at most 80 characters")]
    TooLong,
}

/// The values a file number is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParts<'a> {
    pub dept: &'a DeptCode,
    pub section: &'a SectionCode,
    pub head: &'a SubjectHead,
    pub serial: u32,
    pub year: i32,
}

impl NumberingScheme {
    /// The scheme a department gets until its administrator chooses another.
    pub const DEFAULT_TEMPLATE: &'static str = "{dept}-{section}/{head}/{serial}/{year}";

    pub fn default_scheme() -> Self {
        Self::parse(Self::DEFAULT_TEMPLATE).expect("the default scheme is valid")
    }

    pub fn parse(template: &str) -> Result<Self, InvalidScheme> {
        if template.len() > 80 {
            return Err(InvalidScheme::TooLong);
        }
        let mut parts = Vec::new();
        let mut rest = template;
        while !rest.is_empty() {
            if let Some(after_brace) = rest.strip_prefix('{') {
                let end = after_brace.find('}').ok_or(InvalidScheme::Unclosed)?;
                let name = &after_brace[..end];
                let part = PLACEHOLDERS
                    .iter()
                    .find(|(known, _)| *known == name)
                    .map(|(_, part)| part.clone())
                    .ok_or_else(|| InvalidScheme::UnknownPlaceholder(name.to_owned()))?;
                if parts.last().is_some_and(|last| !matches!(last, Part::Literal(_))) {
                    return Err(InvalidScheme::Adjacent);
                }
                parts.push(part);
                rest = &after_brace[end + 1..];
            } else {
                let end = rest.find('{').unwrap_or(rest.len());
                let literal = &rest[..end];
                if !literal
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.' | b'_'))
                {
                    return Err(InvalidScheme::BadSeparator);
                }
                parts.push(Part::Literal(literal.to_owned()));
                rest = &rest[end..];
            }
        }
        for (name, required) in [("dept", Part::Dept), ("serial", Part::Serial), ("year", Part::Year)] {
            if !parts.contains(&required) {
                return Err(InvalidScheme::Missing(name));
            }
        }
        Ok(Self {
            template: template.to_owned(),
            parts,
        })
    }

    /// Writes out a file number.
    pub fn number(&self, values: &NumberParts<'_>) -> String {
        self.parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.clone(),
                Part::Dept => values.dept.to_string(),
                Part::Section => values.section.to_string(),
                Part::Head => values.head.to_string(),
                Part::Serial => values.serial.to_string(),
                Part::Year => values.year.to_string(),
            })
            .collect()
    }
}

impl TryFrom<String> for NumberingScheme {
    type Error = InvalidScheme;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<NumberingScheme> for String {
    fn from(scheme: NumberingScheme) -> String {
        scheme.template
    }
}

impl fmt::Display for NumberingScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.template)
    }
}

/// A file's number and what it was made from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileNumber {
    /// The number as written on the file cover.
    pub text: String,
    pub dept: DeptCode,
    pub year: i32,
    pub serial: u32,
}

impl fmt::Display for FileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(dept: &'a DeptCode, section: &'a SectionCode, head: &'a SubjectHead) -> NumberParts<'a> {
        NumberParts {
            dept,
            section,
            head,
            serial: 12,
            year: 2026,
        }
    }

    #[test]
    fn the_default_scheme_writes_department_section_head_serial_year() {
        let (dept, section, head) = (
            DeptCode::parse("FIN").unwrap(),
            SectionCode::parse("BUDGET").unwrap(),
            SubjectHead::parse("GEN").unwrap(),
        );
        let number = NumberingScheme::default_scheme().number(&parts(&dept, &section, &head));
        assert_eq!(number, "FIN-BUDGET/GEN/12/2026");
    }

    #[test]
    fn a_department_can_choose_its_own_order() {
        let (dept, section, head) = (
            DeptCode::parse("REV").unwrap(),
            SectionCode::parse("GEN").unwrap(),
            SubjectHead::parse("LAND").unwrap(),
        );
        let scheme = NumberingScheme::parse("{year}/{dept}.{head}.{serial}").unwrap();
        assert_eq!(scheme.number(&parts(&dept, &section, &head)), "2026/REV.LAND.12");
        assert_eq!(scheme.to_string(), "{year}/{dept}.{head}.{serial}");
    }

    #[test]
    fn schemes_that_could_repeat_or_cannot_be_read_are_refused() {
        let cases = [
            ("{dept}/{head}/{year}", InvalidScheme::Missing("serial")),
            ("{section}/{serial}/{year}", InvalidScheme::Missing("dept")),
            ("{dept}/{serial}", InvalidScheme::Missing("year")),
            ("{dept}{serial}/{year}", InvalidScheme::Adjacent),
            ("{dept}/{serial}/{yr}", InvalidScheme::UnknownPlaceholder("yr".into())),
            ("{dept}/{serial}/{year", InvalidScheme::Unclosed),
            ("{dept} {serial}/{year}", InvalidScheme::BadSeparator),
        ];
        for (template, expected) in cases {
            assert_eq!(NumberingScheme::parse(template), Err(expected), "{template}");
        }
    }
}
