//! How a receipt or file must be handled: its security classification, and whether it is
//! electronic or a paper item tracked through the system.

use serde::{Deserialize, Serialize};

/// Security classification. Everything is seen only by the desks on its path; a restricted item
/// is also kept out of department search and cannot be copied for information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    #[default]
    Normal,
    Confidential,
    Secret,
    TopSecret,
}

impl Classification {
    pub const ALL: [Classification; 4] = [Self::Normal, Self::Confidential, Self::Secret, Self::TopSecret];

    pub fn is_restricted(self) -> bool {
        self != Self::Normal
    }
}

/// Whether the item itself moves in the system or on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    #[default]
    Electronic,
    /// A paper letter or file: diarised for tracking, and each holder marks it received when the
    /// paper reaches them, before acting on it.
    Physical,
}

impl Medium {
    pub const ALL: [Medium; 2] = [Self::Electronic, Self::Physical];
}

/// The DARPG guideline: a file should pass through at most this many levels before a decision.
pub const MAX_LEVELS: usize = 4;
