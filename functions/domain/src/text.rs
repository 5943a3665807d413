//! Free text with limits: subjects, names, remarks.
//!
//! Limits count graphemes, not bytes: a Devanagari syllable is several bytes and often several
//! code points, but one character to the person typing it.

use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_segmentation::UnicodeSegmentation;

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidText {
    #[error("{what} is required")]
    Empty { what: &'static str },
    #[error("{what} may be at most {max} characters")]
    TooLong { what: &'static str, max: usize },
    #[error("{what} may not contain control characters")]
    ControlCharacters { what: &'static str },
}

const MAX_BYTES_PER_GRAPHEME: usize = 24;

fn parse_text(
    raw: &str,
    what: &'static str,
    required: bool,
    max: usize,
    multiline: bool,
) -> Result<String, InvalidText> {
    let text = raw.trim();
    if required && text.is_empty() {
        return Err(InvalidText::Empty { what });
    }
    // A grapheme may carry any number of combining marks; cap the bytes too, generously enough
    // for any real script (a Devanagari conjunct with a vowel sign is about 15 bytes).
    if text.len() > max * MAX_BYTES_PER_GRAPHEME || text.graphemes(true).count() > max {
        return Err(InvalidText::TooLong { what, max });
    }
    let allowed_control = |c: char| multiline && (c == '\n' || c == '\r' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed_control(c)) {
        return Err(InvalidText::ControlCharacters { what });
    }
    Ok(text.to_owned())
}

macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident, $what:literal, required = $required:literal, max = $max:literal, multiline = $multiline:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The most characters (graphemes) this text may hold.
            pub const MAX: usize = $max;

            /// Trims and checks the text.
            pub fn parse(raw: &str) -> Result<Self, InvalidText> {
                parse_text(raw, $what, $required, $max, $multiline).map(Self)
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidText;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> String {
                text.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_type!(
    /// The subject of a letter or file.
    Subject, "Subject", required = true, max = 500, multiline = false
);
text_type!(
    /// Who sent a letter: a person, office or organisation.
    PartyName, "Sender", required = true, max = 200, multiline = false
);
text_type!(
    /// A person's name.
    PersonName, "Name", required = true, max = 120, multiline = false
);
text_type!(
    /// Remarks written on a movement; may be empty.
    Remarks, "Remarks", required = false, max = 2000, multiline = true
);
text_type!(
    /// One note on a file's note sheet.
    NoteText, "Note", required = true, max = 20000, multiline = true
);
text_type!(
    /// The name of an attached document, as the uploader's computer called it.
    DocumentName, "File name", required = true, max = 200, multiline = false
);
text_type!(
    /// The body of an outgoing letter drafted on a file.
    LetterBody, "Letter", required = true, max = 50000, multiline = true
);
text_type!(
    /// Why a file is closed: recorded for whoever reopens or audits it.
    Reason, "Reason", required = true, max = 1000, multiline = true
);

text_type!(
    /// The name of a department, office or section, or the title of a post, in one language.
    OrgName, "Name", required = true, max = 200, multiline = false
);

impl Remarks {
    /// No remarks.
    pub fn empty() -> Self {
        Self(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn devanagari_is_counted_in_graphemes() {
        // "क्षेत्र" is 7 code points and 21 bytes but 2 graphemes: क्षे and त्र (conjuncts are
        // one user-perceived character since Unicode 15.1).
        let word = "क्षेत्र";
        assert_eq!(
            (word.chars().count(), word.len(), word.graphemes(true).count()),
            (7, 21, 2)
        );
        let at_limit = word.repeat(Subject::MAX / 2);
        assert!(Subject::parse(&at_limit).is_ok());
        assert!(Subject::parse(&format!("{at_limit}{word}")).is_err());
    }

    #[test]
    fn one_character_stacked_with_combining_marks_is_too_long() {
        let zalgo = format!("a{}", "\u{0301}".repeat(10_000));
        assert_eq!(zalgo.graphemes(true).count(), 1);
        assert!(Subject::parse(&zalgo).is_err());
    }

    #[test]
    fn required_text_must_not_be_blank() {
        assert_eq!(Subject::parse("   "), Err(InvalidText::Empty { what: "Subject" }));
        assert!(Remarks::parse("").is_ok());
    }

    #[test]
    fn control_characters_are_refused_except_line_breaks_in_remarks() {
        assert!(Subject::parse("a\u{0007}b").is_err());
        assert!(Subject::parse("line\nbreak").is_err());
        assert!(Remarks::parse("line\nbreak").is_ok());
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_output_is_trimmed(raw in "\\PC{0,600}") {
            if let Ok(subject) = Subject::parse(&raw) {
                prop_assert_eq!(subject.as_ref().trim(), subject.as_ref());
            }
        }
    }
}
