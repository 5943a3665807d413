//! Holiday calendars: which days an office works, per state and year.
//!
//! A state notifies its holidays once a year in two schedules: gazetted holidays, on which every
//! office is closed, and restricted holidays, of which an employee may choose a few (they are
//! working days for the office). Weekly offs differ too: Haryana's offices close every Saturday
//! and Sunday, Karnataka's on Sundays and the second and fourth Saturdays.

use super::StateCode;
use serde::{Deserialize, Serialize};
use time::{Date, Month, Weekday};

/// Whether a holiday closes the office or may be chosen by an employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// Every office of the state is closed.
    Gazetted,
    /// The office works; an employee may take the day as a restricted holiday.
    Restricted,
}

/// One notified holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holiday {
    pub date: Date,
    pub name_en: String,
    pub name_hi: String,
    pub kind: HolidayKind,
}

impl Holiday {
    fn new(date: Date, name_en: &str, name_hi: &str, kind: HolidayKind) -> Self {
        Holiday {
            date,
            name_en: name_en.to_owned(),
            name_hi: name_hi.to_owned(),
            kind,
        }
    }
}

/// A day of the week on which offices are closed: every week, or only some weeks of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum WeeklyOff {
    /// Every such weekday, for example every Sunday.
    Every {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        weekday: Weekday,
    },
    /// The n-th such weekday of each month (1 to 5), for example the second and fourth Saturday.
    Nth {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        weekday: Weekday,
        weeks: Vec<u8>,
    },
}

impl WeeklyOff {
    fn covers(&self, date: Date) -> bool {
        match self {
            WeeklyOff::Every { weekday } => date.weekday() == *weekday,
            WeeklyOff::Nth { weekday, weeks } => {
                date.weekday() == *weekday && weeks.contains(&((date.day() - 1) / 7 + 1))
            }
        }
    }
}

/// What kind of day a date is for an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind<'a> {
    Working,
    WeeklyOff,
    /// A gazetted holiday (which may also fall on a weekly off).
    Holiday(&'a Holiday),
}

impl DayKind<'_> {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Working)
    }
}

/// Why a calendar was refused, or a date could not be judged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("the holiday on {date} is not in {year}")]
    HolidayOutsideYear { date: Date, year: i32 },
    #[error("two holidays of the same schedule fall on {date}")]
    DuplicateHoliday { date: Date },
    #[error("the holiday on {date} needs a name in English and Hindi of at most {MAX_NAME} characters")]
    BadName { date: Date },
    #[error("a weekly off names weeks 1 to 5 of the month")]
    BadWeekOfMonth,
    #[error("no holiday calendar has been set for {year}")]
    NotCovered { year: i32 },
    #[error("every calendar must be for the same state, once per year")]
    MixedCalendars,
}

/// The longest holiday name, in characters.
pub const MAX_NAME: usize = 120;

/// A state's holidays and weekly offs for one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "CalendarParts")]
pub struct HolidayCalendar {
    state: StateCode,
    year: i32,
    weekly_offs: Vec<WeeklyOff>,
    /// Sorted by date, gazetted before restricted on the same date.
    holidays: Vec<Holiday>,
}

#[derive(Deserialize)]
struct CalendarParts {
    state: StateCode,
    year: i32,
    weekly_offs: Vec<WeeklyOff>,
    holidays: Vec<Holiday>,
}

impl TryFrom<CalendarParts> for HolidayCalendar {
    type Error = CalendarError;
    fn try_from(parts: CalendarParts) -> Result<Self, Self::Error> {
        HolidayCalendar::new(parts.state, parts.year, parts.weekly_offs, parts.holidays)
    }
}

fn name_ok(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && name.chars().count() <= MAX_NAME && !name.chars().any(char::is_control)
}

impl HolidayCalendar {
    /// Checks and orders a year's calendar.
    pub fn new(
        state: StateCode,
        year: i32,
        weekly_offs: Vec<WeeklyOff>,
        mut holidays: Vec<Holiday>,
    ) -> Result<Self, CalendarError> {
        for off in &weekly_offs {
            if let WeeklyOff::Nth { weeks, .. } = off {
                if weeks.is_empty() || weeks.iter().any(|week| !(1..=5).contains(week)) {
                    return Err(CalendarError::BadWeekOfMonth);
                }
            }
        }
        for holiday in &holidays {
            if holiday.date.year() != year {
                return Err(CalendarError::HolidayOutsideYear {
                    date: holiday.date,
                    year,
                });
            }
            if !name_ok(&holiday.name_en) || !name_ok(&holiday.name_hi) {
                return Err(CalendarError::BadName { date: holiday.date });
            }
        }
        holidays.sort_by_key(|holiday| (holiday.date, holiday.kind == HolidayKind::Restricted));
        if let Some(pair) = holidays
            .windows(2)
            .find(|pair| pair[0].date == pair[1].date && pair[0].kind == pair[1].kind)
        {
            return Err(CalendarError::DuplicateHoliday { date: pair[0].date });
        }
        Ok(HolidayCalendar {
            state,
            year,
            weekly_offs,
            holidays,
        })
    }

    pub fn state(&self) -> &StateCode {
        &self.state
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn weekly_offs(&self) -> &[WeeklyOff] {
        &self.weekly_offs
    }

    /// Every holiday, gazetted and restricted, by date.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The restricted holidays, from which an employee chooses.
    pub fn restricted(&self) -> impl Iterator<Item = &Holiday> {
        self.holidays.iter().filter(|h| h.kind == HolidayKind::Restricted)
    }

    pub fn covers(&self, date: Date) -> bool {
        date.year() == self.year
    }

    /// The gazetted holiday on a date, if any.
    pub fn holiday_on(&self, date: Date) -> Option<&Holiday> {
        self.holidays
            .iter()
            .find(|h| h.date == date && h.kind == HolidayKind::Gazetted)
    }

    /// The restricted holiday on a date, if any.
    pub fn restricted_on(&self, date: Date) -> Option<&Holiday> {
        self.holidays
            .iter()
            .find(|h| h.date == date && h.kind == HolidayKind::Restricted)
    }

    /// What kind of day `date` is; a date of another year cannot be judged.
    pub fn day(&self, date: Date) -> Result<DayKind<'_>, CalendarError> {
        if !self.covers(date) {
            return Err(CalendarError::NotCovered { year: date.year() });
        }
        if let Some(holiday) = self.holiday_on(date) {
            return Ok(DayKind::Holiday(holiday));
        }
        if self.weekly_offs.iter().any(|off| off.covers(date)) {
            return Ok(DayKind::WeeklyOff);
        }
        Ok(DayKind::Working)
    }

    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        self.day(date).map(DayKind::is_working)
    }

    /// Working days from `from` to `to`, both included; none when `to` is before `from`.
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<u32, CalendarError> {
        count_working_days(from, to, |date| self.is_working_day(date))
    }

    /// Haryana's calendar for 2026: every Saturday and Sunday off, the gazetted holidays of
    /// Schedule I and the restricted holidays of Schedule II as best known when this was written.
    /// Festival dates follow the lunar calendar and the state re-notifies some during the year
    /// (Id dates depend on the moon), so an administrator checks this against the Chief
    /// Secretary's notification and edits it; it is a starting point, not the notification.
    pub fn haryana_2026() -> Self {
        use time::macros::date;
        use HolidayKind::{Gazetted, Restricted};
        #[rustfmt::skip]
        let holidays = [
            (date!(2026 - 01 - 23), "Basant Panchami / Sir Chhotu Ram Jayanti", "बसंत पंचमी / सर छोटू राम जयंती", Gazetted),
            (date!(2026 - 01 - 26), "Republic Day", "गणतंत्र दिवस", Gazetted),
            (date!(2026 - 02 - 01), "Guru Ravidas Jayanti", "गुरु रविदास जयंती", Gazetted),
            (date!(2026 - 02 - 15), "Maha Shivratri", "महाशिवरात्रि", Gazetted),
            (date!(2026 - 03 - 04), "Holi", "होली", Gazetted),
            (date!(2026 - 03 - 21), "Id-ul-Fitr", "ईद-उल-फ़ितर", Gazetted),
            (date!(2026 - 03 - 23), "Shaheedi Diwas (Bhagat Singh, Rajguru, Sukhdev)", "शहीदी दिवस (भगत सिंह, राजगुरु, सुखदेव)", Gazetted),
            (date!(2026 - 03 - 26), "Ram Navami", "राम नवमी", Gazetted),
            (date!(2026 - 03 - 31), "Mahavir Jayanti", "महावीर जयंती", Gazetted),
            (date!(2026 - 04 - 03), "Good Friday", "गुड फ्राइडे", Restricted),
            (date!(2026 - 04 - 14), "Dr. B. R. Ambedkar Jayanti / Vaisakhi", "डॉ. बी. आर. अंबेडकर जयंती / वैसाखी", Gazetted),
            (date!(2026 - 04 - 19), "Parshuram Jayanti / Akshaya Tritiya", "परशुराम जयंती / अक्षय तृतीया", Gazetted),
            (date!(2026 - 05 - 01), "Buddha Purnima", "बुद्ध पूर्णिमा", Restricted),
            (date!(2026 - 05 - 27), "Id-ul-Zuha (Bakrid)", "ईद-उल-ज़ुहा (बकरीद)", Gazetted),
            (date!(2026 - 06 - 26), "Muharram", "मुहर्रम", Restricted),
            (date!(2026 - 07 - 31), "Shaheed Udham Singh Martyrdom Day", "शहीद ऊधम सिंह शहीदी दिवस", Gazetted),
            (date!(2026 - 08 - 15), "Independence Day", "स्वतंत्रता दिवस", Gazetted),
            (date!(2026 - 08 - 26), "Milad-un-Nabi", "मिलाद-उन-नबी", Restricted),
            (date!(2026 - 08 - 28), "Raksha Bandhan", "रक्षा बंधन", Gazetted),
            (date!(2026 - 09 - 04), "Janmashtami", "जन्माष्टमी", Gazetted),
            (date!(2026 - 09 - 23), "Haryana Veer and Shaheedi Diwas", "हरियाणा वीर एवं शहीदी दिवस", Gazetted),
            (date!(2026 - 10 - 02), "Mahatma Gandhi Jayanti", "महात्मा गांधी जयंती", Gazetted),
            (date!(2026 - 10 - 11), "Maharaja Agrasen Jayanti", "महाराजा अग्रसेन जयंती", Gazetted),
            (date!(2026 - 10 - 20), "Dussehra", "दशहरा", Gazetted),
            (date!(2026 - 10 - 26), "Maharishi Valmiki Jayanti", "महर्षि वाल्मीकि जयंती", Gazetted),
            (date!(2026 - 10 - 29), "Karva Chauth", "करवा चौथ", Restricted),
            (date!(2026 - 11 - 01), "Haryana Day", "हरियाणा दिवस", Gazetted),
            (date!(2026 - 11 - 08), "Diwali", "दीपावली", Gazetted),
            (date!(2026 - 11 - 10), "Vishwakarma Day", "विश्वकर्मा दिवस", Gazetted),
            (date!(2026 - 11 - 11), "Bhai Dooj", "भाई दूज", Restricted),
            (date!(2026 - 11 - 24), "Guru Nanak Dev Jayanti", "गुरु नानक देव जयंती", Gazetted),
            (date!(2026 - 12 - 25), "Christmas", "क्रिसमस", Gazetted),
        ];
        let holidays = holidays
            .into_iter()
            .map(|(date, name_en, name_hi, kind)| Holiday::new(date, name_en, name_hi, kind))
            .collect();
        let weekly_offs = vec![
            WeeklyOff::Every {
                weekday: Weekday::Saturday,
            },
            WeeklyOff::Every {
                weekday: Weekday::Sunday,
            },
        ];
        let haryana = StateCode::parse("HR").expect("HR is a state code");
        HolidayCalendar::new(haryana, 2026, weekly_offs, holidays).expect("the built-in calendar is valid")
    }
}

/// Every date from `from` to `to`, both included; none when `to` is before `from`. Every
/// day-by-day walk over a spell goes through here.
pub fn dates(from: Date, to: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(from), |date| date.next_day()).take_while(move |date| *date <= to)
}

fn count_working_days(
    from: Date,
    to: Date,
    is_working: impl Fn(Date) -> Result<bool, CalendarError>,
) -> Result<u32, CalendarError> {
    dates(from, to).try_fold(0, |count, date| Ok(count + u32::from(is_working(date)?)))
}

/// One state's calendars for the years a spell may span (a spell from 28 December to 5 January
/// needs two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendars {
    years: Vec<HolidayCalendar>,
}

impl Calendars {
    /// Refuses calendars of different states, or two for one year.
    pub fn new(mut years: Vec<HolidayCalendar>) -> Result<Self, CalendarError> {
        years.sort_by_key(HolidayCalendar::year);
        let mixed = years
            .windows(2)
            .any(|pair| pair[0].year == pair[1].year || pair[0].state != pair[1].state);
        if mixed {
            return Err(CalendarError::MixedCalendars);
        }
        Ok(Calendars { years })
    }

    pub fn for_year(&self, year: i32) -> Option<&HolidayCalendar> {
        self.years.iter().find(|calendar| calendar.year == year)
    }

    pub fn day(&self, date: Date) -> Result<DayKind<'_>, CalendarError> {
        self.for_year(date.year())
            .ok_or(CalendarError::NotCovered { year: date.year() })?
            .day(date)
    }

    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        self.day(date).map(DayKind::is_working)
    }

    /// Working days from `from` to `to`, both included, across years.
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<u32, CalendarError> {
        count_working_days(from, to, |date| self.is_working_day(date))
    }
}

impl From<HolidayCalendar> for Calendars {
    fn from(calendar: HolidayCalendar) -> Self {
        Calendars { years: vec![calendar] }
    }
}

/// The last day of a month, for month-end reports and tests.
pub fn last_day_of_month(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()
}

/// How many years apart the first and last day of one spell may fall: extraordinary leave,
/// the longest, is granted up to five years at a time, so a spell touches at most six calendar
/// years (1 July 2026 to 30 June 2031 is five years and touches 2026 to 2031).
pub const MAX_SPELL_YEARS: i32 = 5;

/// The calendar years a spell from `from_year` to `to_year` needs calendars for, or `None` when
/// they lie more than [`MAX_SPELL_YEARS`] apart (no spell is that long). Reversed years need
/// none: the rules refuse such a spell for its dates.
pub fn years_of_spell(from_year: i32, to_year: i32) -> Option<std::ops::RangeInclusive<i32>> {
    (to_year - from_year <= MAX_SPELL_YEARS).then_some(from_year..=to_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_spell_needs_calendars_for_at_most_six_years() {
        let cases = [
            (2026, 2026, Some(1)),
            (2026, 2031, Some(6)),
            (2026, 2032, None),
            (2027, 2026, Some(0)),
        ];
        for (from, to, years) in cases {
            assert_eq!(years_of_spell(from, to).map(|r| r.count()), years, "{from}..{to}");
        }
    }

    fn hr() -> StateCode {
        StateCode::parse("HR").unwrap()
    }

    fn haryana_2027_sketch() -> HolidayCalendar {
        let holidays = vec![Holiday::new(
            date!(2027 - 01 - 26),
            "Republic Day",
            "गणतंत्र दिवस",
            HolidayKind::Gazetted,
        )];
        HolidayCalendar::new(
            hr(),
            2027,
            HolidayCalendar::haryana_2026().weekly_offs().to_vec(),
            holidays,
        )
        .unwrap()
    }

    #[test]
    fn haryana_closes_on_weekends_and_gazetted_holidays_only() {
        let calendar = HolidayCalendar::haryana_2026();
        let cases = [
            (date!(2026 - 01 - 23), false, "Basant Panchami, a Friday"),
            (date!(2026 - 01 - 24), false, "Saturday"),
            (date!(2026 - 01 - 25), false, "Sunday"),
            (date!(2026 - 01 - 26), false, "Republic Day, a Monday"),
            (date!(2026 - 01 - 27), true, "Tuesday"),
            (
                date!(2026 - 04 - 03),
                true,
                "Good Friday is restricted: the office works",
            ),
            (date!(2026 - 11 - 08), false, "Diwali on a Sunday"),
            (date!(2026 - 11 - 10), false, "Vishwakarma Day"),
            (date!(2026 - 12 - 24), true, "Thursday"),
            (date!(2026 - 12 - 25), false, "Christmas"),
        ];
        for (date, working, why) in cases {
            assert_eq!(calendar.is_working_day(date), Ok(working), "{date}: {why}");
        }
        assert_eq!(
            calendar.holiday_on(date!(2026 - 08 - 15)).unwrap().name_en,
            "Independence Day"
        );
        assert_eq!(
            calendar.restricted_on(date!(2026 - 04 - 03)).unwrap().name_hi,
            "गुड फ्राइडे"
        );
        assert_eq!(calendar.holiday_on(date!(2026 - 04 - 03)), None);
        assert!(matches!(calendar.day(date!(2026 - 11 - 08)), Ok(DayKind::Holiday(h)) if h.name_en == "Diwali"));
        assert_eq!(calendar.day(date!(2026 - 11 - 07)), Ok(DayKind::WeeklyOff));
    }

    #[test]
    fn haryana_2026_has_the_notified_holidays_and_243_working_days() {
        let calendar = HolidayCalendar::haryana_2026();
        let gazetted = calendar.holidays().iter().filter(|h| h.kind == HolidayKind::Gazetted);
        assert_eq!(gazetted.clone().count(), 26);
        let on_weekends = gazetted
            .filter(|h| matches!(h.date.weekday(), Weekday::Saturday | Weekday::Sunday))
            .count();
        // The 2026 notification reported eight gazetted holidays falling on a Saturday or Sunday.
        assert_eq!(on_weekends, 8);
        assert_eq!(calendar.restricted().count(), 6);
        // 365 days, 104 Saturdays and Sundays, 18 gazetted holidays on weekdays.
        assert_eq!(
            calendar.working_days_between(date!(2026 - 01 - 01), date!(2026 - 12 - 31)),
            Ok(243)
        );
        for must in [
            "Republic Day",
            "Holi",
            "Id-ul-Fitr",
            "Ram Navami",
            "Mahavir Jayanti",
            "Independence Day",
            "Janmashtami",
            "Mahatma Gandhi Jayanti",
            "Dussehra",
            "Diwali",
            "Haryana Day",
            "Guru Nanak Dev Jayanti",
            "Christmas",
        ] {
            assert!(calendar.holidays().iter().any(|h| h.name_en == must), "{must}");
        }
    }

    #[test]
    fn working_days_are_counted_across_month_ends() {
        let calendar = HolidayCalendar::haryana_2026();
        let cases = [
            // Friday 30 January to Monday 2 February: the weekend (and Guru Ravidas Jayanti on the Sunday) drop out.
            (date!(2026 - 01 - 30), date!(2026 - 02 - 02), 2),
            // January: 22 weekdays less Basant Panchami and Republic Day.
            (date!(2026 - 01 - 01), date!(2026 - 01 - 31), 20),
            // February: 20 weekdays, no weekday holiday.
            (date!(2026 - 02 - 01), date!(2026 - 02 - 28), 20),
            // Friday 27 February to Wednesday 4 March (Holi): 27 Feb, 2 and 3 March.
            (date!(2026 - 02 - 27), date!(2026 - 03 - 04), 3),
            // End of March: Mahavir Jayanti on Tuesday 31 March, Good Friday restricted.
            (date!(2026 - 03 - 30), date!(2026 - 04 - 03), 4),
            (date!(2026 - 06 - 30), date!(2026 - 07 - 01), 2),
            (date!(2026 - 01 - 27), date!(2026 - 01 - 27), 1),
            (date!(2026 - 01 - 26), date!(2026 - 01 - 26), 0),
            (date!(2026 - 02 - 02), date!(2026 - 01 - 30), 0),
        ];
        for (from, to, expected) in cases {
            assert_eq!(calendar.working_days_between(from, to), Ok(expected), "{from} to {to}");
        }
    }

    #[test]
    fn working_days_across_the_year_end_need_both_years() {
        let only_2026 = Calendars::from(HolidayCalendar::haryana_2026());
        assert_eq!(
            only_2026.working_days_between(date!(2026 - 12 - 31), date!(2027 - 01 - 01)),
            Err(CalendarError::NotCovered { year: 2027 })
        );
        assert_eq!(
            HolidayCalendar::haryana_2026().is_working_day(date!(2027 - 01 - 04)),
            Err(CalendarError::NotCovered { year: 2027 })
        );
        let both = Calendars::new(vec![haryana_2027_sketch(), HolidayCalendar::haryana_2026()]).unwrap();
        let cases = [
            // Thursday 31 December 2026 and Friday 1 January 2027.
            (date!(2026 - 12 - 31), date!(2027 - 01 - 01), 2),
            // Christmas (Friday) to Monday 4 January: 28 to 31 December, 1 and 4 January.
            (date!(2026 - 12 - 25), date!(2027 - 01 - 04), 6),
            (date!(2027 - 01 - 25), date!(2027 - 01 - 27), 2),
        ];
        for (from, to, expected) in cases {
            assert_eq!(both.working_days_between(from, to), Ok(expected), "{from} to {to}");
        }
        assert_eq!(both.for_year(2027).map(HolidayCalendar::year), Some(2027));
    }

    #[test]
    fn calendars_must_be_one_state_once_a_year() {
        let punjab = HolidayCalendar::new(StateCode::parse("PB").unwrap(), 2027, Vec::new(), Vec::new()).unwrap();
        assert_eq!(
            Calendars::new(vec![HolidayCalendar::haryana_2026(), punjab]),
            Err(CalendarError::MixedCalendars)
        );
        assert_eq!(
            Calendars::new(vec![HolidayCalendar::haryana_2026(), HolidayCalendar::haryana_2026()]),
            Err(CalendarError::MixedCalendars)
        );
    }

    #[test]
    fn second_and_fourth_saturdays() {
        let karnataka = HolidayCalendar::new(
            StateCode::parse("KA").unwrap(),
            2026,
            vec![
                WeeklyOff::Every {
                    weekday: Weekday::Sunday,
                },
                WeeklyOff::Nth {
                    weekday: Weekday::Saturday,
                    weeks: vec![2, 4],
                },
            ],
            Vec::new(),
        )
        .unwrap();
        let cases = [
            (date!(2026 - 01 - 03), true),
            (date!(2026 - 01 - 10), false),
            (date!(2026 - 01 - 17), true),
            (date!(2026 - 01 - 24), false),
            (date!(2026 - 01 - 31), true),
            (date!(2026 - 01 - 11), false),
        ];
        for (date, working) in cases {
            assert_eq!(karnataka.is_working_day(date), Ok(working), "{date}");
        }
    }

    #[test]
    fn a_calendar_is_checked_when_made() {
        let holiday = |date, kind| Holiday::new(date, "Holi", "होली", kind);
        let cases = [
            (
                vec![holiday(date!(2025 - 12 - 31), HolidayKind::Gazetted)],
                CalendarError::HolidayOutsideYear {
                    date: date!(2025 - 12 - 31),
                    year: 2026,
                },
            ),
            (
                vec![
                    holiday(date!(2026 - 03 - 04), HolidayKind::Gazetted),
                    holiday(date!(2026 - 03 - 04), HolidayKind::Gazetted),
                ],
                CalendarError::DuplicateHoliday {
                    date: date!(2026 - 03 - 04),
                },
            ),
            (
                vec![Holiday::new(date!(2026 - 03 - 04), "Holi", " ", HolidayKind::Gazetted)],
                CalendarError::BadName {
                    date: date!(2026 - 03 - 04),
                },
            ),
        ];
        for (holidays, expected) in cases {
            assert_eq!(HolidayCalendar::new(hr(), 2026, Vec::new(), holidays), Err(expected));
        }
        let both_schedules = vec![
            holiday(date!(2026 - 03 - 04), HolidayKind::Restricted),
            holiday(date!(2026 - 03 - 04), HolidayKind::Gazetted),
        ];
        let calendar = HolidayCalendar::new(hr(), 2026, Vec::new(), both_schedules).unwrap();
        assert_eq!(calendar.holidays()[0].kind, HolidayKind::Gazetted);
        let bad_week = vec![WeeklyOff::Nth {
            weekday: Weekday::Saturday,
            weeks: vec![6],
        }];
        assert_eq!(
            HolidayCalendar::new(hr(), 2026, bad_week, Vec::new()),
            Err(CalendarError::BadWeekOfMonth)
        );
    }

    #[test]
    fn calendars_travel_as_json_and_are_checked_on_the_way_in() {
        let calendar = HolidayCalendar::haryana_2026();
        let json = serde_json::to_value(&calendar).unwrap();
        assert_eq!(
            json["weekly_offs"][0],
            serde_json::json!({"kind": "every", "weekday": "Saturday"})
        );
        assert_eq!(json["holidays"][1]["date"], "2026-01-26");
        assert_eq!(json["holidays"][1]["kind"], "gazetted");
        let back: HolidayCalendar = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, calendar);
        let mut wrong_year = json;
        wrong_year["year"] = serde_json::json!(2025);
        assert!(serde_json::from_value::<HolidayCalendar>(wrong_year).is_err());
    }

    #[test]
    fn month_ends() {
        assert_eq!(last_day_of_month(2028, Month::February), Some(date!(2028 - 02 - 29)));
        assert_eq!(last_day_of_month(2026, Month::February), Some(date!(2026 - 02 - 28)));
        assert_eq!(last_day_of_month(2026, Month::December), Some(date!(2026 - 12 - 31)));
    }
}
