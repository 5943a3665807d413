//! Dates for people and for `<input type=date>`: DD-MM-YYYY on screen, YYYY-MM-DD in forms.
//!
//! The functions here are pure; only [`today`] and [`local_offset`] ask the browser.

use time::{Date, Month, OffsetDateTime, UtcOffset};

/// `23-11-2026`, as dates are written in Indian offices.
pub fn human_date(date: Date) -> String {
    format!("{:02}-{:02}-{:04}", date.day(), u8::from(date.month()), date.year())
}

/// `23-11-2026 15:30`, in the given offset (the browser's own, see [`local_offset`]).
pub fn human_date_time(at: OffsetDateTime, offset: UtcOffset) -> String {
    let local = at.to_offset(offset);
    format!("{} {:02}:{:02}", human_date(local.date()), local.hour(), local.minute())
}

/// `2026-11-23`: the value of an `<input type=date>` and the wire format of a date.
pub fn iso_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Reads the value of an `<input type=date>`; `None` if it is not a real date.
pub fn parse_iso_date(raw: &str) -> Option<Date> {
    let mut parts = raw.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Turns JavaScript's `getTimezoneOffset` (minutes *behind* UTC: −330 in India) into an offset.
pub fn offset_from_js_minutes(minutes_behind_utc: f64) -> UtcOffset {
    let seconds = (-minutes_behind_utc * 60.0).round() as i32;
    UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC)
}

/// The browser's offset from UTC at the given moment.
#[cfg(target_arch = "wasm32")]
pub fn local_offset(at: OffsetDateTime) -> UtcOffset {
    let millis = (at.unix_timestamp_nanos() / 1_000_000) as f64;
    let js = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    offset_from_js_minutes(js.get_timezone_offset())
}

/// Native builds (unit tests) have no browser; they use UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn local_offset(_at: OffsetDateTime) -> UtcOffset {
    UtcOffset::UTC
}

/// Today's date where the user is.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Month::try_from(now.get_month() as u8 + 1)
        .ok()
        .and_then(|month| Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8).ok())
        .unwrap_or(Date::MIN)
}

/// Native builds (unit tests) have no browser clock; the app never runs there.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// A moment in the user's own time zone, for people.
pub fn human_local(at: OffsetDateTime) -> String {
    human_date_time(at, local_offset(at))
}

/// The words a duration is written with, in one language: each unit as (one, many).
#[derive(Debug, Clone, Copy)]
pub struct DurationWords {
    pub day: (&'static str, &'static str),
    pub hour: (&'static str, &'static str),
    pub minute: (&'static str, &'static str),
    pub under_a_minute: &'static str,
}

/// How long something took, for people: the two largest units that matter, "2 days 3 hours",
/// "5 hours", "45 minutes". Precision beyond that is noise on a file that waited a week.
pub fn humanise_seconds(seconds: i64, words: &DurationWords) -> String {
    let seconds = seconds.max(0);
    if seconds < 60 {
        return words.under_a_minute.to_owned();
    }
    let minutes = seconds / 60;
    let (days, hours, minutes) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    let unit = |n: i64, (one, many): (&str, &str)| format!("{n} {}", if n == 1 { one } else { many });
    let parts = if days > 0 {
        vec![(days, words.day), (hours, words.hour)]
    } else if hours > 0 {
        vec![(hours, words.hour), (minutes, words.minute)]
    } else {
        vec![(minutes, words.minute)]
    };
    parts
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, names)| unit(n, names))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, offset};

    const EN: DurationWords = DurationWords {
        day: ("day", "days"),
        hour: ("hour", "hours"),
        minute: ("minute", "minutes"),
        under_a_minute: "less than a minute",
    };

    #[test]
    fn durations_show_the_two_largest_units() {
        let (minute, hour, day) = (60, 3600, 86_400);
        let cases = [
            (-5, "less than a minute"),
            (0, "less than a minute"),
            (59, "less than a minute"),
            (minute, "1 minute"),
            (45 * minute + 59, "45 minutes"),
            (hour, "1 hour"),
            (hour + minute, "1 hour 1 minute"),
            (5 * hour + 30 * minute, "5 hours 30 minutes"),
            (day, "1 day"),
            (day + 59 * minute, "1 day"),
            (2 * day + 3 * hour + 10 * minute, "2 days 3 hours"),
            (400 * day + hour, "400 days 1 hour"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(humanise_seconds(seconds, &EN), expected, "{seconds}");
        }
    }

    #[test]
    fn dates_are_day_month_year_with_dashes() {
        assert_eq!(human_date(date!(2026 - 11 - 02)), "02-11-2026");
        assert_eq!(human_date(date!(2026 - 01 - 31)), "31-01-2026");
        assert_eq!(human_date(date!(0999 - 12 - 31)), "31-12-0999");
    }

    #[test]
    fn times_are_shown_in_the_local_offset() {
        let at = datetime!(2026-11-23 20:00 UTC);
        assert_eq!(human_date_time(at, offset!(+5:30)), "24-11-2026 01:30");
        assert_eq!(human_date_time(at, UtcOffset::UTC), "23-11-2026 20:00");
    }

    #[test]
    fn javascript_offsets_have_the_opposite_sign() {
        assert_eq!(offset_from_js_minutes(-330.0), offset!(+5:30));
        assert_eq!(offset_from_js_minutes(60.0), offset!(-1:00));
        assert_eq!(offset_from_js_minutes(0.0), UtcOffset::UTC);
    }

    #[test]
    fn input_dates_round_trip() {
        let cases = [
            ("2026-11-02", Some(date!(2026 - 11 - 02))),
            (" 2024-02-29 ", Some(date!(2024 - 02 - 29))),
            ("2026-02-29", None),
            ("2026-13-01", None),
            ("", None),
            ("02-11-2026", None),
            ("2026-11", None),
            ("yyyy-mm-dd", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_iso_date(raw), expected, "{raw:?}");
        }
        assert_eq!(iso_date(date!(2026 - 03 - 07)), "2026-03-07");
        let d = date!(2026 - 12 - 31);
        assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
    }
}
