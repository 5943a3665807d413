//! Acting charge and absence: while an officer is on sanctioned leave, their post can be given
//! to a named colleague for the spell, and the alternate approver of a step may act only while
//! the step's approver is away.
//!
//! Both rest on a [`Window`] of office dates (inclusive at both ends). A charge is in force on
//! the days its window covers and needs no job to end it: once the last day has passed it is
//! simply not in force any more. The API stores the records and hands these functions the
//! application, the actor, the office date and whatever neighbouring records it read.

use super::application::{ApplicationStatus, LeaveApplication};
use super::rules::ApprovalAct;
use super::ApplicationId;
use crate::auth::Actor;
use crate::ids::EmployeeId;
use crate::org::Role;
use crate::wire::PostSummary;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// A run of office dates, first and last day included. `from <= to` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawWindow")]
pub struct Window {
    from: Date,
    to: Date,
}

#[derive(Deserialize)]
struct RawWindow {
    from: Date,
    to: Date,
}

impl TryFrom<RawWindow> for Window {
    type Error = &'static str;
    fn try_from(raw: RawWindow) -> Result<Self, Self::Error> {
        Window::new(raw.from, raw.to).ok_or("a window cannot end before it starts")
    }
}

impl Window {
    /// The window from `from` to `to`, or `None` if it would end before it starts.
    pub fn new(from: Date, to: Date) -> Option<Self> {
        (from <= to).then_some(Self { from, to })
    }

    pub fn from(&self) -> Date {
        self.from
    }

    pub fn to(&self) -> Date {
        self.to
    }

    /// Whether `day` falls within the window.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether the two windows share at least one day.
    pub fn overlaps(&self, other: &Window) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// Whether the last day is behind `today`.
    pub fn is_over(&self, today: Date) -> bool {
        self.to < today
    }

    /// The window cut to end on `last` at the latest: unchanged if it already ends by then,
    /// `None` if nothing is left.
    pub fn ending_by(&self, last: Date) -> Option<Window> {
        Window::new(self.from, self.to.min(last))
    }
}

/// The days a sanctioned application keeps its applicant away: the spell, as curtailed.
/// `None` unless the application is sanctioned (or sanctioned and curtailed).
pub fn leave_window(application: &LeaveApplication) -> Option<Window> {
    let last = match application.status {
        ApplicationStatus::Sanctioned => application.request.to,
        ApplicationStatus::Curtailed { to } => to,
        _ => return None,
    };
    Window::new(application.request.from, last)
}

/// A post given to a colleague for the spell of an officer's sanctioned leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActingCharge {
    /// The post under charge, named as the app shows it.
    pub post: PostSummary,
    /// The colleague who holds the charge.
    pub holder: EmployeeId,
    pub holder_name_en: String,
    pub holder_name_hi: String,
    /// The officer on leave, whose post it is.
    pub on_leave: EmployeeId,
    pub on_leave_name_en: String,
    pub on_leave_name_hi: String,
    /// The sanctioned leave the charge belongs to.
    pub application: ApplicationId,
    /// First and last day of the charge, both included.
    pub from: Date,
    pub to: Date,
    pub granted_by: EmployeeId,
    #[serde(with = "time::serde::rfc3339")]
    pub granted_at: OffsetDateTime,
    /// Who withdrew it early, if anyone.
    #[serde(default)]
    pub ended_by: Option<EmployeeId>,
}

impl ActingCharge {
    pub fn window(&self) -> Window {
        // Every stored charge was made through `grant` or `end`, which keep `from <= to`.
        Window::new(self.from, self.to).unwrap_or(Window {
            from: self.from,
            to: self.from,
        })
    }

    /// Whether the holder acts at the post on `today`.
    pub fn in_force(&self, today: Date) -> bool {
        self.window().covers(today)
    }
}

/// Why an acting charge could not be given or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActingRefusal {
    #[error("only the applicant, the sanctioning officer or an administrator may give or withdraw acting charge")]
    NotPermitted,
    #[error("acting charge can be given only for sanctioned leave")]
    NotSanctioned,
    #[error("the leave is already over")]
    SpellOver,
    #[error("the colleague must be someone other than the officer going on leave")]
    ColleagueIsApplicant,
    #[error("the post is already under acting charge from {from} to {to}")]
    Overlap { from: Date, to: Date },
    #[error("the acting charge is already over")]
    ChargeOver,
}

/// Whether `actor` may give or withdraw acting charge for `application`: the applicant, the
/// official at the sanctioning step (or its alternate), or an administrator.
pub fn may_arrange(actor: &Actor, application: &LeaveApplication) -> bool {
    let sanctioning = application
        .chain
        .iter()
        .filter(|step| step.act == ApprovalAct::Sanction)
        .any(|step| actor.holds(&step.post) || step.alternate.as_ref().is_some_and(|alt| actor.holds(alt)));
    actor.employee == application.employee || sanctioning || actor.has_role(Role::Admin)
}

/// What the grant is asked for, with the names the API looked up.
#[derive(Debug, Clone)]
pub struct GrantRequest {
    pub post: PostSummary,
    pub holder: EmployeeId,
    pub holder_name_en: String,
    pub holder_name_hi: String,
    pub on_leave_name_en: String,
    pub on_leave_name_hi: String,
}

/// Gives the applicant's post to a colleague for what is left of the sanctioned spell (from
/// today, if it has begun). `latest` is the post's charge that starts last on or before the
/// new charge's last day, if any: as charges on one post never overlap, it is the only one
/// that could.
pub fn grant(
    application: &LeaveApplication,
    actor: &Actor,
    request: GrantRequest,
    latest: Option<&ActingCharge>,
    today: Date,
    now: OffsetDateTime,
) -> Result<ActingCharge, ActingRefusal> {
    if !may_arrange(actor, application) {
        return Err(ActingRefusal::NotPermitted);
    }
    let spell = leave_window(application).ok_or(ActingRefusal::NotSanctioned)?;
    if spell.is_over(today) {
        return Err(ActingRefusal::SpellOver);
    }
    if request.holder == application.employee {
        return Err(ActingRefusal::ColleagueIsApplicant);
    }
    let window = Window::new(spell.from.max(today), spell.to).ok_or(ActingRefusal::SpellOver)?;
    if let Some(existing) = latest {
        if existing.window().overlaps(&window) {
            return Err(ActingRefusal::Overlap {
                from: existing.from,
                to: existing.to,
            });
        }
    }
    Ok(ActingCharge {
        post: request.post,
        holder: request.holder,
        holder_name_en: request.holder_name_en,
        holder_name_hi: request.holder_name_hi,
        on_leave: application.employee.clone(),
        on_leave_name_en: request.on_leave_name_en,
        on_leave_name_hi: request.on_leave_name_hi,
        application: application.id.clone(),
        from: window.from,
        to: window.to,
        granted_by: actor.employee.clone(),
        granted_at: now,
        ended_by: None,
    })
}

/// Withdraws a charge early: it ends yesterday, so the holder loses the post at once. `None`
/// means nothing of it is left (it had not begun, or began today) and it is removed.
pub fn end(
    charge: &ActingCharge,
    application: &LeaveApplication,
    actor: &Actor,
    today: Date,
) -> Result<Option<ActingCharge>, ActingRefusal> {
    if !may_arrange(actor, application) {
        return Err(ActingRefusal::NotPermitted);
    }
    if charge.window().is_over(today) {
        return Err(ActingRefusal::ChargeOver);
    }
    let Some(yesterday) = today.previous_day() else {
        return Ok(None);
    };
    Ok(charge.window().ending_by(yesterday).map(|window| ActingCharge {
        to: window.to,
        ended_by: Some(actor.employee.clone()),
        ..charge.clone()
    }))
}

/// How a charge changes when its leave changes: kept as it is, cut short, or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChargeAfter {
    Unchanged,
    Shortened(Box<ActingCharge>),
    Removed,
}

/// A charge follows its leave: cancelled leave removes it, curtailed leave cuts it to the new
/// last day.
pub fn follow_leave(charge: &ActingCharge, application: &LeaveApplication) -> ChargeAfter {
    let Some(spell) = leave_window(application) else {
        return ChargeAfter::Removed;
    };
    match charge.window().ending_by(spell.to) {
        None => ChargeAfter::Removed,
        Some(window) if window.to == charge.to => ChargeAfter::Unchanged,
        Some(window) => ChargeAfter::Shortened(Box::new(ActingCharge {
            to: window.to,
            ..charge.clone()
        })),
    }
}

/// An officer's absence from a post: the days of their sanctioned leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Absence {
    pub employee: EmployeeId,
    pub application: ApplicationId,
    pub from: Date,
    pub to: Date,
}

impl Absence {
    pub fn window(&self) -> Option<Window> {
        Window::new(self.from, self.to)
    }
}

/// Whether a step's approver is at their post today, as the alternate rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Present,
    /// On sanctioned leave today, or the post is under acting charge today.
    Away,
}

/// Away if any absence covers today or the post is under an acting charge in force today.
pub fn presence(absences: &[Absence], charge: Option<&ActingCharge>, today: Date) -> Presence {
    let absent = absences
        .iter()
        .filter_map(Absence::window)
        .any(|window| window.covers(today));
    if absent || charge.is_some_and(|c| c.in_force(today)) {
        Presence::Away
    } else {
        Presence::Present
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{DeptCode, OfficeCode, PostId};
    use crate::leave::application::ChainStep;
    use crate::leave::rules::{Approver, LeaveKind};
    use crate::leave::{HalfDays, LeaveRequest};
    use crate::text::{Reason, Remarks};
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-03-16 10:00 +5:30);

    fn post(id: &str) -> PostId {
        PostId::parse(id).unwrap()
    }

    fn emp(id: &str) -> EmployeeId {
        EmployeeId::parse(id).unwrap()
    }

    fn actor(id: &str, posts: &[&str], roles: &[Role]) -> Actor {
        Actor {
            employee: emp(id),
            posts: posts
                .iter()
                .map(|p| (post(p), OfficeCode::parse("FIN-HQ").unwrap()))
                .collect(),
            depts: vec![DeptCode::parse("FIN").unwrap()],
            roles: roles.to_vec(),
        }
    }

    fn window(from: Date, to: Date) -> Window {
        Window::new(from, to).unwrap()
    }

    fn application(status: ApplicationStatus) -> LeaveApplication {
        LeaveApplication {
            id: ApplicationId::parse("LV-2026-0000000000000001").unwrap(),
            employee: emp("HR2001"),
            request: LeaveRequest {
                kind: LeaveKind::Earned,
                from: date!(2026 - 03 - 23),
                to: date!(2026 - 03 - 27),
                half_day_start: false,
                half_day_end: false,
                prefix: false,
                suffix: false,
            },
            reason: Reason::parse("Family wedding").unwrap(),
            address: Remarks::empty(),
            days: HalfDays::days(5),
            debit: Some((LeaveKind::Earned, HalfDays::days(5))),
            chain: vec![
                ChainStep {
                    act: ApprovalAct::Recommend,
                    by: Approver::ReportingOfficer,
                    post: post("FIN-HQ-DS"),
                    alternate: None,
                },
                ChainStep {
                    act: ApprovalAct::Sanction,
                    by: Approver::ControllingOfficer,
                    post: post("FIN-HQ-SECY"),
                    alternate: None,
                },
            ],
            status,
            events: 3,
            applied_at: NOW,
            version: 3,
        }
    }

    fn summary(id: &str) -> PostSummary {
        PostSummary {
            id: post(id),
            title_en: "Section Officer".into(),
            title_hi: "अनुभाग अधिकारी".into(),
            office: OfficeCode::parse("FIN-HQ").unwrap(),
            office_name_en: "Finance, Headquarters".into(),
            office_name_hi: "वित्त, मुख्यालय".into(),
            dept: DeptCode::parse("FIN").unwrap(),
            holder_name_en: None,
            holder_name_hi: None,
        }
    }

    fn request(holder: &str) -> GrantRequest {
        GrantRequest {
            post: summary("FIN-HQ-SO"),
            holder: emp(holder),
            holder_name_en: "Mohan Lal".into(),
            holder_name_hi: "मोहन लाल".into(),
            on_leave_name_en: "Rajesh Verma".into(),
            on_leave_name_hi: "राजेश वर्मा".into(),
        }
    }

    fn applicant() -> Actor {
        actor("HR2001", &["FIN-HQ-SO"], &[Role::Employee])
    }

    #[test]
    fn windows_cover_overlap_and_shorten() {
        let w = window(date!(2026 - 03 - 23), date!(2026 - 03 - 27));
        let cases = [
            (date!(2026 - 03 - 22), false),
            (date!(2026 - 03 - 23), true),
            (date!(2026 - 03 - 25), true),
            (date!(2026 - 03 - 27), true),
            (date!(2026 - 03 - 28), false),
        ];
        for (day, covered) in cases {
            assert_eq!(w.covers(day), covered, "{day}");
        }
        let overlaps = [
            ((date!(2026 - 03 - 20), date!(2026 - 03 - 22)), false),
            ((date!(2026 - 03 - 20), date!(2026 - 03 - 23)), true),
            ((date!(2026 - 03 - 27), date!(2026 - 03 - 30)), true),
            ((date!(2026 - 03 - 28), date!(2026 - 03 - 30)), false),
            ((date!(2026 - 03 - 24), date!(2026 - 03 - 25)), true),
            ((date!(2026 - 03 - 01), date!(2026 - 04 - 30)), true),
        ];
        for ((from, to), expected) in overlaps {
            assert_eq!(w.overlaps(&window(from, to)), expected, "{from}..{to}");
            assert_eq!(window(from, to).overlaps(&w), expected, "symmetric {from}..{to}");
        }
        assert!(Window::new(date!(2026 - 03 - 24), date!(2026 - 03 - 23)).is_none());
        assert_eq!(w.ending_by(date!(2026 - 03 - 30)), Some(w));
        assert_eq!(
            w.ending_by(date!(2026 - 03 - 24)),
            Some(window(date!(2026 - 03 - 23), date!(2026 - 03 - 24)))
        );
        assert_eq!(w.ending_by(date!(2026 - 03 - 22)), None);
        assert!(w.is_over(date!(2026 - 03 - 28)));
        assert!(!w.is_over(date!(2026 - 03 - 27)));
        // A stored window that ends before it starts is refused when read.
        let bad: Result<Window, _> = serde_json::from_str(r#"{"from":"2026-03-24","to":"2026-03-23"}"#);
        assert!(bad.is_err());
    }

    #[test]
    fn a_charge_covers_what_is_left_of_the_spell() {
        let sanctioned = application(ApplicationStatus::Sanctioned);
        // Before the leave: the whole spell.
        let before = grant(
            &sanctioned,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 16),
            NOW,
        )
        .unwrap();
        assert_eq!((before.from, before.to), (date!(2026 - 03 - 23), date!(2026 - 03 - 27)));
        assert_eq!(before.granted_by, emp("HR2001"));
        assert!(!before.in_force(date!(2026 - 03 - 22)));
        assert!(before.in_force(date!(2026 - 03 - 23)));
        assert!(before.in_force(date!(2026 - 03 - 27)));
        assert!(!before.in_force(date!(2026 - 03 - 28)), "it ends by itself");
        // During it: from today.
        let during = grant(
            &sanctioned,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 25),
            NOW,
        )
        .unwrap();
        assert_eq!((during.from, during.to), (date!(2026 - 03 - 25), date!(2026 - 03 - 27)));
        // Curtailed leave: to the new last day.
        let curtailed = application(ApplicationStatus::Curtailed {
            to: date!(2026 - 03 - 24),
        });
        let short = grant(
            &curtailed,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 16),
            NOW,
        )
        .unwrap();
        assert_eq!(short.to, date!(2026 - 03 - 24));
    }

    /// The application, who asks, for whom, the post's latest charge, the day, the refusal.
    type Case<'a> = (
        LeaveApplication,
        Actor,
        &'a str,
        Option<&'a ActingCharge>,
        Date,
        Option<ActingRefusal>,
    );

    #[test]
    fn grants_are_refused_for_each_reason() {
        let sanctioned = application(ApplicationStatus::Sanctioned);
        let today = date!(2026 - 03 - 16);
        let existing = grant(&sanctioned, &applicant(), request("HR2003"), None, today, NOW).unwrap();
        let earlier = ActingCharge {
            from: date!(2026 - 03 - 16),
            to: date!(2026 - 03 - 22),
            ..existing.clone()
        };
        let stranger = actor("HR3001", &["CMO-HQ-SO"], &[Role::Employee]);
        let recommender = actor("HR2002", &["FIN-HQ-DS"], &[Role::Employee]);
        let cases: Vec<Case> = vec![
            (sanctioned.clone(), applicant(), "HR2003", None, today, None),
            (
                sanctioned.clone(),
                actor("HR2004", &["FIN-HQ-SECY"], &[Role::Employee]),
                "HR2003",
                None,
                today,
                None,
            ),
            (
                sanctioned.clone(),
                actor("HR9001", &["EIT-HQ-SO"], &[Role::Admin]),
                "HR2003",
                None,
                today,
                None,
            ),
            (
                sanctioned.clone(),
                stranger,
                "HR2003",
                None,
                today,
                Some(ActingRefusal::NotPermitted),
            ),
            (
                sanctioned.clone(),
                recommender,
                "HR2003",
                None,
                today,
                Some(ActingRefusal::NotPermitted),
            ),
            (
                application(ApplicationStatus::Pending { step: 1 }),
                applicant(),
                "HR2003",
                None,
                today,
                Some(ActingRefusal::NotSanctioned),
            ),
            (
                application(ApplicationStatus::Cancelled),
                applicant(),
                "HR2003",
                None,
                today,
                Some(ActingRefusal::NotSanctioned),
            ),
            (
                sanctioned.clone(),
                applicant(),
                "HR2001",
                None,
                today,
                Some(ActingRefusal::ColleagueIsApplicant),
            ),
            (
                sanctioned.clone(),
                applicant(),
                "HR2003",
                None,
                date!(2026 - 03 - 28),
                Some(ActingRefusal::SpellOver),
            ),
            (
                sanctioned.clone(),
                applicant(),
                "HR2003",
                Some(&existing),
                today,
                Some(ActingRefusal::Overlap {
                    from: existing.from,
                    to: existing.to,
                }),
            ),
            // A charge that ends the day before does not stand in the way.
            (sanctioned.clone(), applicant(), "HR2003", Some(&earlier), today, None),
        ];
        for (application, who, holder, latest, today, expected) in cases {
            let got = grant(&application, &who, request(holder), latest, today, NOW).err();
            assert_eq!(got, expected, "{} for {holder} on {today}", who.employee);
        }
    }

    #[test]
    fn withdrawing_ends_the_charge_yesterday_or_removes_it() {
        let sanctioned = application(ApplicationStatus::Sanctioned);
        let charge = grant(
            &sanctioned,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 16),
            NOW,
        )
        .unwrap();
        // Not begun: removed.
        assert_eq!(end(&charge, &sanctioned, &applicant(), date!(2026 - 03 - 20)), Ok(None));
        // Begins today: removed.
        assert_eq!(end(&charge, &sanctioned, &applicant(), date!(2026 - 03 - 23)), Ok(None));
        // Midway: ends yesterday, and says who ended it.
        let cut = end(&charge, &sanctioned, &applicant(), date!(2026 - 03 - 25))
            .unwrap()
            .unwrap();
        assert_eq!((cut.from, cut.to), (date!(2026 - 03 - 23), date!(2026 - 03 - 24)));
        assert_eq!(cut.ended_by, Some(emp("HR2001")));
        assert!(!cut.in_force(date!(2026 - 03 - 25)));
        // Over: nothing to withdraw.
        assert_eq!(
            end(&charge, &sanctioned, &applicant(), date!(2026 - 03 - 28)),
            Err(ActingRefusal::ChargeOver)
        );
        // The colleague cannot take it back on the officer's behalf.
        let colleague = actor("HR2003", &["FIN-HQ-CRU"], &[Role::Employee]);
        assert_eq!(
            end(&charge, &sanctioned, &colleague, date!(2026 - 03 - 25)),
            Err(ActingRefusal::NotPermitted)
        );
    }

    #[test]
    fn a_charge_follows_its_leave() {
        let sanctioned = application(ApplicationStatus::Sanctioned);
        let charge = grant(
            &sanctioned,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 16),
            NOW,
        )
        .unwrap();
        assert_eq!(follow_leave(&charge, &sanctioned), ChargeAfter::Unchanged);
        assert_eq!(
            follow_leave(&charge, &application(ApplicationStatus::Cancelled)),
            ChargeAfter::Removed
        );
        let curtailed = application(ApplicationStatus::Curtailed {
            to: date!(2026 - 03 - 24),
        });
        match follow_leave(&charge, &curtailed) {
            ChargeAfter::Shortened(short) => assert_eq!(short.to, date!(2026 - 03 - 24)),
            other => panic!("{other:?}"),
        }
        // A charge that starts after the new last day goes.
        let late = ActingCharge {
            from: date!(2026 - 03 - 26),
            ..charge
        };
        assert_eq!(follow_leave(&late, &curtailed), ChargeAfter::Removed);
    }

    #[test]
    fn the_approver_is_away_on_leave_or_under_acting_charge() {
        let absence = Absence {
            employee: emp("HR2001"),
            application: ApplicationId::parse("LV-2026-0000000000000001").unwrap(),
            from: date!(2026 - 03 - 23),
            to: date!(2026 - 03 - 27),
        };
        let sanctioned = application(ApplicationStatus::Sanctioned);
        let charge = grant(
            &sanctioned,
            &applicant(),
            request("HR2003"),
            None,
            date!(2026 - 03 - 16),
            NOW,
        )
        .unwrap();
        let cases = [
            (vec![], None, date!(2026 - 03 - 24), Presence::Present),
            (vec![absence.clone()], None, date!(2026 - 03 - 22), Presence::Present),
            (vec![absence.clone()], None, date!(2026 - 03 - 23), Presence::Away),
            (vec![absence.clone()], None, date!(2026 - 03 - 28), Presence::Present),
            (vec![], Some(&charge), date!(2026 - 03 - 25), Presence::Away),
            (vec![], Some(&charge), date!(2026 - 03 - 28), Presence::Present),
        ];
        for (absences, charge, today, expected) in cases {
            assert_eq!(presence(&absences, charge, today), expected, "{today}");
        }
    }
}
