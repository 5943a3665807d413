//! Office dates are Indian dates: a letter received at 01:00 IST on 1 January belongs to the new
//! year's register, though it is still 31 December in UTC.

use time::macros::offset;
use time::{Date, OffsetDateTime, UtcOffset};

/// Indian Standard Time, which every Indian office keeps.
pub const IST: UtcOffset = offset!(+5:30);

/// The office's calendar date at an instant.
pub fn office_date(now: OffsetDateTime) -> Date {
    now.to_offset(IST).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_office_day_turns_at_midnight_ist() {
        assert_eq!(office_date(datetime!(2026-12-31 18:29 UTC)), date!(2026 - 12 - 31));
        assert_eq!(office_date(datetime!(2026-12-31 18:30 UTC)), date!(2027 - 01 - 01));
    }
}
