//! Identifiers: codes that name departments, offices, posts, employees and receipts.
//!
//! Each is a newtype with a private field and a `parse` that is the only way in, so an
//! identifier that exists is well formed. Codes are stored upper-case, so `hr1001` and
//! `HR1001` name the same employee.

use serde::{Deserialize, Serialize};

/// Why a code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} must be {min} to {max} characters of {}", alphabet(*.digits))]
pub struct InvalidCode {
    pub what: &'static str,
    pub min: usize,
    pub max: usize,
    /// Whether digits and hyphens were allowed.
    pub digits: bool,
}

fn alphabet(digits: bool) -> &'static str {
    if digits {
        "A-Z, 0-9 and '-', not starting or ending with '-'"
    } else {
        "A-Z"
    }
}

/// Trims and upper-cases `raw`, and checks its length and alphabet: A-Z, and with `digits`
/// also 0-9 and inner hyphens.
pub(crate) fn parse_code(
    raw: &str,
    what: &'static str,
    min: usize,
    max: usize,
    digits: bool,
) -> Result<String, InvalidCode> {
    let code = raw.trim().to_ascii_uppercase();
    let well_formed = (min..=max).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (digits && (b.is_ascii_digit() || b == b'-')))
        && !code.starts_with('-')
        && !code.ends_with('-');
    if well_formed {
        Ok(code)
    } else {
        Err(InvalidCode { what, min, max, digits })
    }
}

/// Declares a code newtype. `digits = false` makes a letters-only code (a state code); the
/// default allows digits and inner hyphens.
macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $what:literal, $min:literal, $max:literal) => {
        code_type!($(#[$doc])* $name, $what, $min, $max, digits = true);
    };
    ($(#[$doc:meta])* $name:ident, $what:literal, $min:literal, $max:literal, digits = $digits:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses and normalises (trims, upper-cases) a code.
            pub fn parse(raw: &str) -> Result<Self, $crate::ids::InvalidCode> {
                $crate::ids::parse_code(raw, $what, $min, $max, $digits).map(Self)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ids::InvalidCode;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
pub(crate) use code_type;

code_type!(
    /// An employee's login ID, for example `HR1001`.
    EmployeeId, "employee ID", 3, 20
);
code_type!(
    /// A department or corporation, for example `FIN` or `HARTRON`.
    DeptCode, "department code", 2, 16
);
code_type!(
    /// An office of a department: its headquarters or a district office, for example `DC-GGN`.
    OfficeCode, "office code", 2, 24
);
code_type!(
    /// A section (branch) inside an office, for example `FIN-HQ-BUDGET`.
    SectionCode, "section code", 2, 40
);
code_type!(
    /// A post (a desk): files and receipts move to posts, not to people. For example `FIN-HQ-SO-BUDGET`.
    PostId, "post ID", 2, 48
);
code_type!(
    /// A receipt's stable identifier, independent of its diary number.
    ReceiptId, "receipt ID", 8, 40
);
code_type!(
    /// A file's stable identifier, independent of its file number.
    FileId, "file ID", 8, 40
);
code_type!(
    /// An upload in progress: bytes sent ahead of the receipt, note or file they will belong to.
    UploadId, "upload ID", 8, 40
);
code_type!(
    /// The subject head a file is opened under in a department's filing scheme, for example `BUDGET`.
    SubjectHead, "subject head", 2, 12
);

/// A client-chosen key that makes a mutating request safe to retry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

/// Why an idempotency key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Idempotency-Key must be 8 to 64 characters of letters, digits, '-' and '_'")]
pub struct InvalidIdempotencyKey;

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Result<Self, InvalidIdempotencyKey> {
        let ok =
            (8..=64).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidIdempotencyKey)
        }
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = InvalidIdempotencyKey;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<IdempotencyKey> for String {
    fn from(key: IdempotencyKey) -> String {
        key.0
    }
}

impl AsRef<str> for IdempotencyKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_trimmed_and_upper_cased() {
        assert_eq!(EmployeeId::parse(" hr1001 ").unwrap().as_ref(), "HR1001");
        assert_eq!(OfficeCode::parse("dc-ggn").unwrap().to_string(), "DC-GGN");
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "A", "-AB", "AB-", "A B", "ग्राम", "A/B", "X".repeat(21).as_str()] {
            assert!(EmployeeId::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn deserialising_goes_through_parse() {
        let id: Result<PostId, _> = serde_json::from_str("\"fin-hq-so\"");
        assert_eq!(id.unwrap().as_ref(), "FIN-HQ-SO");
        let bad: Result<PostId, _> = serde_json::from_str("\"not ok\"");
        assert!(bad.is_err());
    }

    #[test]
    fn idempotency_keys_have_a_fixed_alphabet() {
        assert!(IdempotencyKey::parse("01HZX-abc_123").is_ok());
        assert!(IdempotencyKey::parse("short").is_err());
        assert!(IdempotencyKey::parse("has space in it").is_err());
    }

    proptest! {
        #[test]
        fn a_parsed_code_parses_to_itself(raw in "[A-Za-z0-9][A-Za-z0-9-]{1,14}[A-Za-z0-9]") {
            let code = DeptCode::parse(&raw).unwrap();
            prop_assert_eq!(DeptCode::parse(code.as_ref()).unwrap(), code);
        }

        #[test]
        fn parse_never_panics(raw in ".*") {
            let _ = PostId::parse(&raw);
        }
    }
}
