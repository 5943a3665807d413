//! Every e-Leave refusal in plain official Hindi, beside the English its `Display` gives.
//!
//! The server sends both, so that a Hindi reader learns why the leave was refused in Hindi.
//! The texts live together here, with the words they share (the kinds of leave, documents,
//! dates written DD-MM-YYYY as offices write them), so that one reader can keep them
//! consistent. Each `hindi` matches on every variant: a new refusal without Hindi does not
//! compile.

use super::acting::ActingRefusal;
use super::application::{ApplicationRefusal, ReplaceRefusal};
use super::ledger::LedgerRefusal;
use super::officers::ChainError;
use super::roster::Overlap;
use super::rules::{ApprovalAct, Document, LeaveKind};
use super::spell::{Ineligible, LeaveRefusal, MissingDocuments};
use time::Date;

/// The name a Haryana office gives a kind of leave.
pub fn kind_name(kind: LeaveKind) -> &'static str {
    match kind {
        LeaveKind::Casual => "आकस्मिक अवकाश",
        LeaveKind::RestrictedHoliday => "प्रतिबंधित अवकाश",
        LeaveKind::Earned => "अर्जित अवकाश",
        LeaveKind::HalfPay => "अर्ध वेतन अवकाश",
        LeaveKind::Commuted => "परिवर्तित अवकाश",
        LeaveKind::NotDue => "अदेय अवकाश",
        LeaveKind::Extraordinary => "असाधारण अवकाश",
        LeaveKind::Maternity => "प्रसूति अवकाश",
        LeaveKind::Paternity => "पितृत्व अवकाश",
        LeaveKind::ChildCare => "शिशु देखभाल अवकाश",
        LeaveKind::SpecialCasual => "विशेष आकस्मिक अवकाश",
    }
}

fn document_name(document: Document) -> &'static str {
    match document {
        Document::MedicalCertificate => "चिकित्सा प्रमाण-पत्र",
        Document::ConfinementCertificate => "प्रसव तिथि का प्रमाण-पत्र",
        Document::BirthCertificate => "बच्चे का जन्म प्रमाण-पत्र",
        Document::JoiningReport => "कार्यभार ग्रहण रिपोर्ट",
    }
}

fn act_name(act: ApprovalAct) -> &'static str {
    match act {
        ApprovalAct::Recommend => "अनुशंसा",
        ApprovalAct::Approve => "अनुमोदन",
        ApprovalAct::Sanction => "स्वीकृति",
    }
}

/// A date as Hindi office orders write it: `05-01-2027`.
pub fn date(date: Date) -> String {
    format!("{:02}-{:02}-{}", date.day(), u8::from(date.month()), date.year())
}

impl Ineligible {
    /// Why the applicant is not eligible, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            Ineligible::BeforeJoining => "अवकाश की अवधि आपके सेवा में आने की तिथि से पहले की है".into(),
            Ineligible::Gender => "यह अवकाश आपके लिंग के कर्मचारियों को देय नहीं है".into(),
            Ineligible::ServiceTooShort { months_needed } => {
                format!("इसके लिए कम से कम {months_needed} माह की सेवा आवश्यक है")
            }
            Ineligible::TooManyChildren { max } => {
                format!("यह अवकाश उन्हीं को देय है जिनके {max} से अधिक जीवित बच्चे नहीं हैं")
            }
        }
    }
}

impl LeaveRefusal {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            LeaveRefusal::ToBeforeFrom => "अवकाश का अंतिम दिन पहले दिन से पूर्व का है".into(),
            LeaveRefusal::NotGranted(kind) => format!("इन नियमों के अंतर्गत {} देय नहीं है", kind_name(*kind)),
            LeaveRefusal::CrossesYearEnd(kind) => format!(
                "{} कैलेंडर वर्ष के अनुसार दिया जाता है: यह अवकाश 31 दिसंबर तक समाप्त करें और जनवरी के लिए अलग से आवेदन करें",
                kind_name(*kind)
            ),
            LeaveRefusal::OtherYearsAllowance { kind, year, this_year } if year > this_year => format!(
                "वर्ष {year} के {} के लिए आवेदन 01-01-{year} से किया जा सकता है, जब उस वर्ष का अवकाश खाते में जमा होगा",
                kind_name(*kind)
            ),
            LeaveRefusal::OtherYearsAllowance { kind, year, .. } => format!(
                "वर्ष {year} के {} के लिए अब आवेदन नहीं किया जा सकता: उस वर्ष का अवकाश 31-12-{year} को व्यपगत हो गया",
                kind_name(*kind)
            ),
            LeaveRefusal::NotEligible(why) => format!("आप इस अवकाश के पात्र नहीं हैं: {}", why.hindi()),
            LeaveRefusal::BackDatedBeyondWindow { days } => {
                format!("इस अवकाश के लिए आवेदन इसके आरंभ होने के अधिकतम {days} दिन बाद तक ही किया जा सकता है")
            }
            LeaveRefusal::HalfDayNotAllowed => "यह अवकाश पूरे दिनों में ही लिया जा सकता है".into(),
            LeaveRefusal::HalfDaysOnOneDay => "एक दिन का अवकाश अपराह्न से आरंभ होकर पूर्वाह्न में समाप्त नहीं हो सकता".into(),
            LeaveRefusal::PrefixSuffixNotAllowed => "इस अवकाश के साथ छुट्टियाँ नहीं जोड़ी जा सकतीं".into(),
            LeaveRefusal::HalfDayBreaksPrefixOrSuffix => "आधे दिन के अवकाश के साथ उससे लगी छुट्टियाँ नहीं जोड़ी जा सकतीं".into(),
            LeaveRefusal::StartsOrEndsOnHoliday { date: day } => {
                format!("{} को छुट्टी है: यह अवकाश कार्य दिवसों पर ही आरंभ और समाप्त करें", date(*day))
            }
            LeaveRefusal::NotARestrictedHoliday { date: day } => {
                format!("{} को कोई प्रतिबंधित अवकाश नहीं है", date(*day))
            }
            LeaveRefusal::SpellTooShort { min } => format!("यह अवकाश एक बार में कम से कम {min} दिन का होना चाहिए"),
            LeaveRefusal::SpellTooLong { max } => format!("यह अवकाश एक बार में अधिकतम {max} दिन का हो सकता है"),
            LeaveRefusal::OverBalance { available, needed } => {
                format!("आपके खाते में केवल {available} दिन का अवकाश उपलब्ध है, जबकि इसके लिए {needed} दिन चाहिए")
            }
            LeaveRefusal::NoCalendar { year } => {
                format!("वर्ष {year} के लिए छुट्टियों का कैलेंडर निर्धारित नहीं किया गया है")
            }
            // The API never sends this one (it is an internal error); said for completeness.
            LeaveRefusal::BadCalendar(_) => "छुट्टियों के कैलेंडर में त्रुटि है".into(),
        }
    }
}

impl MissingDocuments {
    /// The same as the English message, in Hindi: "चिकित्सा प्रमाण-पत्र संलग्न करें".
    pub fn hindi(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|document| document_name(*document)).collect();
        let listed = match names.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} और {last}", rest.join(", ")),
            None => String::new(),
        };
        format!("{listed} संलग्न करें")
    }
}

impl Overlap {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        format!(
            "इनमें से कुछ दिनों के लिए आपका {} ({} से {} तक, आवेदन {}) पहले से है",
            kind_name(self.kind),
            date(self.days.from),
            date(self.days.to),
            self.application
        )
    }
}

impl ApplicationRefusal {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            ApplicationRefusal::StaleVersion { .. } => "आपके खोलने के बाद यह आवेदन बदल गया है".into(),
            ApplicationRefusal::ChainMismatch => "स्वीकृति क्रम इस अवकाश के नियमों से मेल नहीं खाता".into(),
            ApplicationRefusal::NotYourStep => "यह आवेदन आपके पास लंबित नहीं है".into(),
            ApplicationRefusal::ApproverPresent => {
                "स्वीकृति अधिकारी अपने पद पर उपस्थित हैं; वैकल्पिक अधिकारी केवल उनकी अनुपस्थिति में कार्रवाई कर सकते हैं".into()
            }
            ApplicationRefusal::WrongAct { expected, asked } => {
                format!("यह चरण {} का है, {} का नहीं", act_name(*expected), act_name(*asked))
            }
            ApplicationRefusal::OwnApplication => "आप अपने ही आवेदन पर निर्णय नहीं ले सकते".into(),
            ApplicationRefusal::NotApplicant => "केवल आवेदक ही अवकाश रद्द कर सकता है या घटा सकता है".into(),
            ApplicationRefusal::AlreadyDecided => "इस आवेदन पर पहले ही निर्णय हो चुका है".into(),
            ApplicationRefusal::AlreadyBegun => "अवकाश आरंभ हो चुका है: रद्द करने के स्थान पर इसे घटाएँ".into(),
            ApplicationRefusal::NotBegun => "अवकाश अभी आरंभ नहीं हुआ है: घटाने के स्थान पर इसे रद्द करें".into(),
            ApplicationRefusal::BadCurtailment => {
                "नया अंतिम दिन अवकाश की अवधि के भीतर होना चाहिए, और कल से पहले का नहीं".into()
            }
        }
    }
}

impl ReplaceRefusal {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            ReplaceRefusal::NotYours => "आप केवल अपने ही अवकाश आवेदनों में परिवर्तन कर सकते हैं".into(),
            ReplaceRefusal::Decided(id) => format!(
                "आवेदन {id} पर निर्णय हो चुका है; केवल लंबित आवेदन में, या ऐसे स्वीकृत अवकाश में जो अभी समाप्त नहीं हुआ है, परिवर्तन किया जा सकता है"
            ),
            ReplaceRefusal::Ended(id) => {
                format!("आवेदन {id} का अवकाश समाप्त हो चुका है; अब इसमें परिवर्तन नहीं किया जा सकता")
            }
            ReplaceRefusal::Overlaps(id) => format!(
                "यह आवेदन किए जाने के बाद आवेदन {id} की अवधि घटाई गई है और अब दोनों की तिथियाँ आपस में टकराती हैं; इस आवेदन को अस्वीकार करें और फिर से आवेदन करें"
            ),
        }
    }
}

impl ActingRefusal {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            ActingRefusal::NotPermitted => {
                "कार्यवाहक प्रभार केवल आवेदक, स्वीकृति देने वाले अधिकारी या प्रशासक ही दे या वापस ले सकते हैं".into()
            }
            ActingRefusal::NotSanctioned => "कार्यवाहक प्रभार केवल स्वीकृत अवकाश के लिए दिया जा सकता है".into(),
            ActingRefusal::SpellOver => "अवकाश पहले ही समाप्त हो चुका है".into(),
            ActingRefusal::ColleagueIsApplicant => "सहकर्मी अवकाश पर जाने वाले अधिकारी से भिन्न होना चाहिए".into(),
            ActingRefusal::Overlap { from, to } => format!(
                "इस पद का कार्यवाहक प्रभार {} से {} तक पहले से दिया हुआ है",
                date(*from),
                date(*to)
            ),
            ActingRefusal::ChargeOver => "कार्यवाहक प्रभार पहले ही समाप्त हो चुका है".into(),
        }
    }
}

impl ChainError {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            ChainError::NoOfficers => {
                "आपके पद के लिए कोई रिपोर्टिंग या नियंत्रक अधिकारी निर्धारित नहीं है; स्थापना शाखा से संपर्क करें".into()
            }
            ChainError::OwnPost => "स्वीकृति क्रम के अनुसार आपका आवेदन आपके अपने ही पद पर पहुँचेगा".into(),
        }
    }
}

impl LedgerRefusal {
    /// The same as the English message, in Hindi.
    pub fn hindi(&self) -> String {
        match self {
            LedgerRefusal::NoAccount(kind) => {
                format!("इन नियमों के अंतर्गत {} का कोई अवकाश खाता नहीं है", kind_name(*kind))
            }
            LedgerRefusal::ZeroAmount => "प्रत्येक प्रविष्टि कम से कम आधे दिन की होती है".into(),
            LedgerRefusal::CauseDoesNotFit => "यह कारण इस प्रविष्टि से मेल नहीं खाता".into(),
            LedgerRefusal::BelowFloor { available, needed } => {
                format!("इस खाते से केवल {available} दिन लिए जा सकते हैं, {needed} नहीं")
            }
            LedgerRefusal::LapseMoreThanBalance { available } => {
                format!("व्यपगत होने के लिए केवल {available} दिन शेष हैं")
            }
            LedgerRefusal::NoSuchEntry(seq) => format!("प्रतिवर्तन के लिए प्रविष्टि {seq} मौजूद नहीं है"),
            LedgerRefusal::OverReversal { seq, left } => {
                format!("प्रविष्टि {seq} में प्रतिवर्तन के लिए केवल {left} दिन शेष हैं")
            }
            LedgerRefusal::WrongApplication => {
                "प्रतिवर्तन में उसी आवेदन का उल्लेख होना चाहिए जिसकी प्रविष्टि उलटी जा रही है".into()
            }
            LedgerRefusal::WrongPeriod(kind) => {
                format!("इन नियमों के अंतर्गत {} इस प्रकार अर्जित नहीं होता", kind_name(*kind))
            }
            // The API never sends this one (it is an internal error); said for completeness.
            LedgerRefusal::Corrupt => "अवकाश खाते की प्रविष्टियाँ क्रम में नहीं हैं या त्रुटिपूर्ण हैं".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leave::calendar::CalendarError;
    use crate::leave::days::{Balance, HalfDays};
    use crate::leave::roster::SpellDays;
    use crate::leave::ApplicationId;
    use time::macros::date;

    fn id() -> ApplicationId {
        ApplicationId::parse("LV2026000042").expect("a valid application ID")
    }

    fn is_devanagari(c: char) -> bool {
        ('\u{0900}'..='\u{097F}').contains(&c)
    }

    /// Every refusal the server can send, in Hindi, with its English beside it for the message.
    fn every_refusal() -> Vec<(String, String)> {
        let mut all = Vec::new();
        let why = [
            Ineligible::BeforeJoining,
            Ineligible::Gender,
            Ineligible::ServiceTooShort { months_needed: 12 },
            Ineligible::TooManyChildren { max: 1 },
        ];
        let spell = [
            LeaveRefusal::ToBeforeFrom,
            LeaveRefusal::NotGranted(LeaveKind::Paternity),
            LeaveRefusal::CrossesYearEnd(LeaveKind::Casual),
            LeaveRefusal::OtherYearsAllowance {
                kind: LeaveKind::Casual,
                year: 2027,
                this_year: 2026,
            },
            LeaveRefusal::OtherYearsAllowance {
                kind: LeaveKind::Casual,
                year: 2025,
                this_year: 2026,
            },
            LeaveRefusal::BackDatedBeyondWindow { days: 7 },
            LeaveRefusal::HalfDayNotAllowed,
            LeaveRefusal::HalfDaysOnOneDay,
            LeaveRefusal::PrefixSuffixNotAllowed,
            LeaveRefusal::HalfDayBreaksPrefixOrSuffix,
            LeaveRefusal::StartsOrEndsOnHoliday {
                date: date!(2026 - 08 - 15),
            },
            LeaveRefusal::NotARestrictedHoliday {
                date: date!(2026 - 08 - 14),
            },
            LeaveRefusal::SpellTooShort { min: HalfDays::days(5) },
            LeaveRefusal::SpellTooLong {
                max: HalfDays::days(180),
            },
            LeaveRefusal::OverBalance {
                available: Balance::from_half_days(5),
                needed: HalfDays::days(3),
            },
            LeaveRefusal::NoCalendar { year: 2027 },
            LeaveRefusal::BadCalendar(CalendarError::BadWeekOfMonth),
        ];
        all.extend(why.iter().map(|r| (format!("{r:?}"), r.hindi())));
        all.extend(
            why.map(LeaveRefusal::NotEligible)
                .iter()
                .map(|r| (r.to_string(), r.hindi())),
        );
        all.extend(spell.iter().map(|r| (r.to_string(), r.hindi())));
        let documents = MissingDocuments(vec![Document::MedicalCertificate, Document::JoiningReport]);
        all.push((documents.to_string(), documents.hindi()));
        let overlap = Overlap {
            application: id(),
            kind: LeaveKind::Earned,
            days: SpellDays {
                from: date!(2026 - 12 - 01),
                to: date!(2026 - 12 - 04),
                half_day_start: false,
                half_day_end: false,
            },
        };
        all.push((overlap.to_string(), overlap.hindi()));
        let application = [
            ApplicationRefusal::StaleVersion { current: 3 },
            ApplicationRefusal::ChainMismatch,
            ApplicationRefusal::NotYourStep,
            ApplicationRefusal::ApproverPresent,
            ApplicationRefusal::WrongAct {
                expected: ApprovalAct::Recommend,
                asked: ApprovalAct::Sanction,
            },
            ApplicationRefusal::OwnApplication,
            ApplicationRefusal::NotApplicant,
            ApplicationRefusal::AlreadyDecided,
            ApplicationRefusal::AlreadyBegun,
            ApplicationRefusal::NotBegun,
            ApplicationRefusal::BadCurtailment,
        ];
        all.extend(application.iter().map(|r| (r.to_string(), r.hindi())));
        let replace = [
            ReplaceRefusal::NotYours,
            ReplaceRefusal::Decided(id()),
            ReplaceRefusal::Ended(id()),
            ReplaceRefusal::Overlaps(id()),
        ];
        all.extend(replace.iter().map(|r| (r.to_string(), r.hindi())));
        let acting = [
            ActingRefusal::NotPermitted,
            ActingRefusal::NotSanctioned,
            ActingRefusal::SpellOver,
            ActingRefusal::ColleagueIsApplicant,
            ActingRefusal::Overlap {
                from: date!(2026 - 12 - 01),
                to: date!(2026 - 12 - 04),
            },
            ActingRefusal::ChargeOver,
        ];
        all.extend(acting.iter().map(|r| (r.to_string(), r.hindi())));
        let chain = [ChainError::NoOfficers, ChainError::OwnPost];
        all.extend(chain.iter().map(|r| (r.to_string(), r.hindi())));
        let ledger = [
            LedgerRefusal::NoAccount(LeaveKind::Extraordinary),
            LedgerRefusal::ZeroAmount,
            LedgerRefusal::CauseDoesNotFit,
            LedgerRefusal::BelowFloor {
                available: Balance::from_half_days(2),
                needed: HalfDays::days(2),
            },
            LedgerRefusal::LapseMoreThanBalance {
                available: HalfDays::days(1),
            },
            LedgerRefusal::NoSuchEntry(9),
            LedgerRefusal::OverReversal {
                seq: 9,
                left: HalfDays::HALF,
            },
            LedgerRefusal::WrongApplication,
            LedgerRefusal::WrongPeriod(LeaveKind::Earned),
            LedgerRefusal::Corrupt,
        ];
        all.extend(ledger.iter().map(|r| (r.to_string(), r.hindi())));
        all
    }

    #[test]
    fn every_refusal_has_hindi_in_devanagari() {
        for (english, hindi) in every_refusal() {
            assert!(!hindi.trim().is_empty(), "no Hindi for: {english}");
            assert!(
                hindi.chars().any(is_devanagari),
                "not Devanagari for: {english}: {hindi}"
            );
            // Numbers are written in international digits, as Hindi offices do, and no English
            // word is left in; only an application's ID is quoted as it is.
            let words = hindi.replace(&id().to_string(), "");
            assert!(
                !words.chars().any(|c| c.is_ascii_alphabetic()),
                "English left in: {hindi}"
            );
        }
    }

    #[test]
    fn refusals_read_as_an_office_writes_them() {
        let cases = [
            (
                LeaveRefusal::OverBalance {
                    available: Balance::from_half_days(5),
                    needed: HalfDays::days(3),
                }
                .hindi(),
                "आपके खाते में केवल 2.5 दिन का अवकाश उपलब्ध है, जबकि इसके लिए 3 दिन चाहिए",
            ),
            (
                LeaveRefusal::CrossesYearEnd(LeaveKind::Casual).hindi(),
                "आकस्मिक अवकाश कैलेंडर वर्ष के अनुसार दिया जाता है: यह अवकाश 31 दिसंबर तक समाप्त करें और जनवरी के लिए अलग से आवेदन करें",
            ),
            (
                LeaveRefusal::StartsOrEndsOnHoliday {
                    date: date!(2026 - 08 - 15),
                }
                .hindi(),
                "15-08-2026 को छुट्टी है: यह अवकाश कार्य दिवसों पर ही आरंभ और समाप्त करें",
            ),
            (
                LeaveRefusal::NotEligible(Ineligible::ServiceTooShort { months_needed: 12 }).hindi(),
                "आप इस अवकाश के पात्र नहीं हैं: इसके लिए कम से कम 12 माह की सेवा आवश्यक है",
            ),
            (
                MissingDocuments(vec![Document::MedicalCertificate, Document::JoiningReport]).hindi(),
                "चिकित्सा प्रमाण-पत्र और कार्यभार ग्रहण रिपोर्ट संलग्न करें",
            ),
            (
                ActingRefusal::Overlap {
                    from: date!(2026 - 12 - 01),
                    to: date!(2027 - 01 - 04),
                }
                .hindi(),
                "इस पद का कार्यवाहक प्रभार 01-12-2026 से 04-01-2027 तक पहले से दिया हुआ है",
            ),
        ];
        for (hindi, expected) in cases {
            assert_eq!(hindi, expected);
        }
    }
}
