//! A leave application and its journey: pending at each step of its approval chain, then
//! sanctioned or rejected; withdrawn or cancelled before it starts, curtailed after.
//!
//! As with files, every transition is a pure function from the application (and the official
//! acting) to its next state and one history entry, or a typed refusal. The API resolves who
//! holds each step's post when the application is made, loads, calls [`LeaveApplication::act`],
//! and writes the result conditionally on the version it loaded, together with the ledger
//! entry the [`Effect`] asks for.

use super::acting::Presence;
use super::days::HalfDays;
use super::rules::{ApprovalAct, Approver, LeaveKind};
use super::spell::{Assessment, LeaveRequest};
use super::ApplicationId;
use crate::auth::Actor;
use crate::ids::{EmployeeId, PostId};
use crate::text::{Reason, Remarks};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// One step of an application's chain, with the post that acts at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainStep {
    pub act: ApprovalAct,
    pub by: Approver,
    pub post: PostId,
    /// Acts instead when the approver is away (on leave themselves).
    pub alternate: Option<PostId>,
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ApplicationStatus {
    /// Waiting at step `step` (0 is the first) of the chain.
    Pending {
        step: u8,
    },
    Sanctioned,
    Rejected,
    /// Taken back by the applicant before it was decided.
    Withdrawn,
    /// Sanctioned, then cancelled before it began.
    Cancelled,
    /// Sanctioned, begun, and ended early: the leave now ends on `to`.
    Curtailed {
        to: Date,
    },
}

/// What an official does to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum LeaveAction {
    Recommend {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Approve {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Sanction {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    Reject {
        reason: Reason,
    },
    /// The applicant withdraws a pending application or cancels a sanctioned one before it
    /// begins.
    Cancel {
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
    /// The applicant rejoins early: the leave ends on `to`.
    Curtail {
        to: Date,
        #[serde(default = "Remarks::empty")]
        remarks: Remarks,
    },
}

/// One entry of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationEvent {
    pub seq: u32,
    pub status: ApplicationStatus,
    pub by: EmployeeId,
    /// The post the official acted at; `None` for the applicant's own actions.
    pub at_post: Option<PostId>,
    /// Whether the official acted as the alternate of the step's approver.
    pub as_alternate: bool,
    pub remarks: Remarks,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// What the ledger must do because of a transition, in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "effect")]
pub enum Effect {
    None,
    /// Debit the sanctioned spell.
    Debit {
        account: LeaveKind,
        amount: HalfDays,
    },
    /// Reverse the spell's whole debit.
    ReverseDebit {
        account: LeaveKind,
        amount: HalfDays,
    },
    /// Reverse the part of the debit after the new last day: the API assesses the shortened
    /// spell and reverses the difference.
    Curtail {
        account: LeaveKind,
        to: Date,
    },
}

/// A leave application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveApplication {
    pub id: ApplicationId,
    pub employee: EmployeeId,
    pub request: LeaveRequest,
    pub reason: Reason,
    /// Where the applicant can be reached during the leave.
    pub address: Remarks,
    /// The days counted and the debit, as assessed when it was made.
    pub days: HalfDays,
    pub debit: Option<(LeaveKind, HalfDays)>,
    pub chain: Vec<ChainStep>,
    pub status: ApplicationStatus,
    pub events: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub applied_at: OffsetDateTime,
    /// Bumped on every change; writes are conditional on it.
    pub version: u64,
}

/// Why an application, or an action on one, was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplicationRefusal {
    #[error("the application has changed since you opened it")]
    StaleVersion { current: u64 },
    #[error("the approval chain does not match the rules for this spell")]
    ChainMismatch,
    #[error("the application is not waiting for you")]
    NotYourStep,
    #[error("the approver is at their post; the alternate may act only while they are away")]
    ApproverPresent,
    #[error("this step is to {expected:?}, not to {asked:?}")]
    WrongAct { expected: ApprovalAct, asked: ApprovalAct },
    #[error("you may not decide your own application")]
    OwnApplication,
    #[error("only the applicant may cancel or curtail")]
    NotApplicant,
    #[error("the application has already been decided")]
    AlreadyDecided,
    #[error("the leave has begun: curtail it instead")]
    AlreadyBegun,
    #[error("the leave has not begun: cancel it instead")]
    NotBegun,
    #[error("the new last day must fall within the spell, and not before yesterday")]
    BadCurtailment,
}

/// Why an application may not be modified by a new one (see [`LeaveApplication::check_replaceable`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplaceRefusal {
    #[error("you may modify only your own leave applications")]
    NotYours,
    #[error("application {0} has been decided; only a pending application, or sanctioned leave not yet over, can be modified")]
    Decided(ApplicationId),
    #[error("the leave of application {0} is over; it can no longer be modified")]
    Ended(ApplicationId),
    #[error(
        "application {0} was cut short since this one was made and now overlaps it; reject this one and apply again"
    )]
    Overlaps(ApplicationId),
}

/// An application as the applicant makes it, after [`super::spell::assess`] allowed it.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub id: ApplicationId,
    pub employee: EmployeeId,
    pub request: LeaveRequest,
    pub reason: Reason,
    pub address: Remarks,
    pub assessment: Assessment,
    /// The posts that act at each step of the assessment's chain, in order.
    pub chain: Vec<ChainStep>,
}

/// Makes an application, pending at the first step of its chain.
pub fn make_application(
    new: NewApplication,
    now: OffsetDateTime,
) -> Result<(LeaveApplication, ApplicationEvent), ApplicationRefusal> {
    let matches = new.chain.len() == new.assessment.chain.len()
        && new.chain.len() <= usize::from(u8::MAX)
        && new
            .chain
            .iter()
            .zip(&new.assessment.chain)
            .all(|(posted, ruled)| posted.act == ruled.act && posted.by == ruled.by);
    if !matches || new.chain.is_empty() {
        return Err(ApplicationRefusal::ChainMismatch);
    }
    let status = ApplicationStatus::Pending { step: 0 };
    let application = LeaveApplication {
        id: new.id,
        employee: new.employee.clone(),
        request: new.request,
        reason: new.reason,
        address: new.address,
        days: new.assessment.days,
        debit: new.assessment.debit.map(|debit| (debit.account, debit.amount)),
        chain: new.chain,
        status,
        events: 1,
        applied_at: now,
        version: 1,
    };
    let event = ApplicationEvent {
        seq: 1,
        status,
        by: new.employee,
        at_post: None,
        as_alternate: false,
        remarks: Remarks::empty(),
        at: now,
    };
    Ok((application, event))
}

impl LeaveApplication {
    /// The step waiting for a decision, if any.
    pub fn pending_step(&self) -> Option<&ChainStep> {
        match self.status {
            ApplicationStatus::Pending { step } => self.chain.get(usize::from(step)),
            _ => None,
        }
    }

    /// The post the application waits at (its approver's e-Leave inbox), if pending.
    pub fn waiting_at(&self) -> Option<&PostId> {
        self.pending_step().map(|step| &step.post)
    }

    /// Which post the actor may decide at, and whether as the alternate. The alternate acts
    /// only while the step's approver is away.
    fn decider(&self, actor: &Actor, approver: Presence) -> Result<(u8, &ChainStep, PostId, bool), ApplicationRefusal> {
        let ApplicationStatus::Pending { step } = self.status else {
            return Err(ApplicationRefusal::AlreadyDecided);
        };
        if actor.employee == self.employee {
            return Err(ApplicationRefusal::OwnApplication);
        }
        let current = self
            .chain
            .get(usize::from(step))
            .ok_or(ApplicationRefusal::AlreadyDecided)?;
        if actor.holds(&current.post) {
            return Ok((step, current, current.post.clone(), false));
        }
        match &current.alternate {
            Some(alternate) if actor.holds(alternate) => match approver {
                Presence::Away => Ok((step, current, alternate.clone(), true)),
                Presence::Present => Err(ApplicationRefusal::ApproverPresent),
            },
            _ => Err(ApplicationRefusal::NotYourStep),
        }
    }

    /// A recommendation, approval or sanction at the pending step.
    fn decide(
        &self,
        asked: ApprovalAct,
        remarks: Remarks,
        actor: &Actor,
        approver: Presence,
        at_post: &mut Option<PostId>,
        as_alternate: &mut bool,
    ) -> Result<(ApplicationStatus, Remarks, Effect), ApplicationRefusal> {
        let (step, current, post, alternate) = self.decider(actor, approver)?;
        if current.act != asked {
            return Err(ApplicationRefusal::WrongAct {
                expected: current.act,
                asked,
            });
        }
        *at_post = Some(post);
        *as_alternate = alternate;
        // Rule sets end every chain in a sanction, and only there.
        if asked == ApprovalAct::Sanction {
            let effect = self
                .debit
                .map_or(Effect::None, |(account, amount)| Effect::Debit { account, amount });
            Ok((ApplicationStatus::Sanctioned, remarks, effect))
        } else {
            Ok((ApplicationStatus::Pending { step: step + 1 }, remarks, Effect::None))
        }
    }

    fn check_applicant(&self, actor: &Actor) -> Result<(), ApplicationRefusal> {
        if actor.employee == self.employee {
            Ok(())
        } else {
            Err(ApplicationRefusal::NotApplicant)
        }
    }

    /// Applies an action while the pending step's approver is at their post (so its alternate
    /// may not act). See [`Self::act_during`].
    pub fn act(
        &self,
        version: u64,
        action: LeaveAction,
        actor: &Actor,
        today: Date,
        now: OffsetDateTime,
    ) -> Result<(LeaveApplication, ApplicationEvent, Effect), ApplicationRefusal> {
        self.act_during(version, action, actor, Presence::Present, today, now)
    }

    /// Applies an action, returning the next state, its history entry and what the ledger must
    /// do. `today` is the office date; `approver` says whether the pending step's approver is
    /// away today, which is when its alternate may act instead.
    pub fn act_during(
        &self,
        version: u64,
        action: LeaveAction,
        actor: &Actor,
        approver: Presence,
        today: Date,
        now: OffsetDateTime,
    ) -> Result<(LeaveApplication, ApplicationEvent, Effect), ApplicationRefusal> {
        if version != self.version {
            return Err(ApplicationRefusal::StaleVersion { current: self.version });
        }
        let mut at_post = None;
        let mut as_alternate = false;
        let (status, remarks, effect) = match action {
            LeaveAction::Recommend { remarks } => self.decide(
                ApprovalAct::Recommend,
                remarks,
                actor,
                approver,
                &mut at_post,
                &mut as_alternate,
            )?,
            LeaveAction::Approve { remarks } => self.decide(
                ApprovalAct::Approve,
                remarks,
                actor,
                approver,
                &mut at_post,
                &mut as_alternate,
            )?,
            LeaveAction::Sanction { remarks } => self.decide(
                ApprovalAct::Sanction,
                remarks,
                actor,
                approver,
                &mut at_post,
                &mut as_alternate,
            )?,
            LeaveAction::Reject { reason } => {
                let (_, _, post, alternate) = self.decider(actor, approver)?;
                at_post = Some(post);
                as_alternate = alternate;
                let remarks = Remarks::parse(reason.as_ref()).unwrap_or_else(|_| Remarks::empty());
                (ApplicationStatus::Rejected, remarks, Effect::None)
            }
            LeaveAction::Cancel { remarks } => {
                self.check_applicant(actor)?;
                match self.status {
                    ApplicationStatus::Pending { .. } => (ApplicationStatus::Withdrawn, remarks, Effect::None),
                    ApplicationStatus::Sanctioned if today < self.request.from => {
                        let effect = self
                            .debit
                            .map_or(Effect::None, |(account, amount)| Effect::ReverseDebit {
                                account,
                                amount,
                            });
                        (ApplicationStatus::Cancelled, remarks, effect)
                    }
                    ApplicationStatus::Sanctioned => return Err(ApplicationRefusal::AlreadyBegun),
                    _ => return Err(ApplicationRefusal::AlreadyDecided),
                }
            }
            LeaveAction::Curtail { to, remarks } => {
                self.check_applicant(actor)?;
                if self.status != ApplicationStatus::Sanctioned {
                    return Err(ApplicationRefusal::AlreadyDecided);
                }
                if today < self.request.from {
                    return Err(ApplicationRefusal::NotBegun);
                }
                let yesterday = today.previous_day().unwrap_or(today);
                if to < self.request.from || to >= self.request.to || to < yesterday {
                    return Err(ApplicationRefusal::BadCurtailment);
                }
                let effect = self
                    .debit
                    .map_or(Effect::None, |(account, _)| Effect::Curtail { account, to });
                (ApplicationStatus::Curtailed { to }, remarks, effect)
            }
        };
        let mut next = self.clone();
        next.status = status;
        next.events += 1;
        next.version += 1;
        let event = ApplicationEvent {
            seq: next.events,
            status,
            by: actor.employee.clone(),
            at_post,
            as_alternate,
            remarks,
            at: now,
        };
        Ok((next, event, effect))
    }
}

impl LeaveApplication {
    /// Whether `applicant` may apply anew to modify this application today: their own, and
    /// pending, or sanctioned and not yet over.
    pub fn check_replaceable(&self, applicant: &EmployeeId, today: Date) -> Result<(), ReplaceRefusal> {
        if &self.employee != applicant {
            return Err(ReplaceRefusal::NotYours);
        }
        match self.status {
            ApplicationStatus::Pending { .. } => Ok(()),
            ApplicationStatus::Sanctioned if today <= self.request.to => Ok(()),
            ApplicationStatus::Sanctioned => Err(ReplaceRefusal::Ended(self.id.clone())),
            _ => Err(ReplaceRefusal::Decided(self.id.clone())),
        }
    }

    /// What the sanction of `new`, which modifies this application, does to it, with the
    /// history entry (by the official who sanctioned, at their post) and what the ledger must
    /// do; `None` when it is no longer pending or sanctioned and so keeps nobody away.
    ///
    /// Pending: withdrawn. Sanctioned and not begun, or replaced from its first day: cancelled,
    /// its whole debit reversed. Begun: cut short to the day before the new spell starts (left
    /// as it is when the new spell starts after it ends).
    pub fn replaced_by(
        &self,
        new: &LeaveApplication,
        sanction: &ApplicationEvent,
        today: Date,
    ) -> Result<Option<(LeaveApplication, ApplicationEvent, Effect)>, ReplaceRefusal> {
        let from = new.request.from;
        let (status, effect) = match self.status {
            ApplicationStatus::Pending { .. } => (ApplicationStatus::Withdrawn, Effect::None),
            ApplicationStatus::Sanctioned if today < self.request.from || from <= self.request.from => {
                let effect = self
                    .debit
                    .map_or(Effect::None, |(account, amount)| Effect::ReverseDebit {
                        account,
                        amount,
                    });
                (ApplicationStatus::Cancelled, effect)
            }
            ApplicationStatus::Sanctioned if from <= self.request.to => {
                let to = from.previous_day().unwrap_or(from);
                let effect = self
                    .debit
                    .map_or(Effect::None, |(account, _)| Effect::Curtail { account, to });
                (ApplicationStatus::Curtailed { to }, effect)
            }
            ApplicationStatus::Curtailed { to } if from <= to => {
                return Err(ReplaceRefusal::Overlaps(self.id.clone()));
            }
            _ => return Ok(None),
        };
        let mut next = self.clone();
        next.status = status;
        next.events += 1;
        next.version += 1;
        let remarks =
            Remarks::parse(&format!("Modified by application {}", new.id)).unwrap_or_else(|_| Remarks::empty());
        let event = ApplicationEvent {
            seq: next.events,
            status,
            by: sanction.by.clone(),
            at_post: sanction.at_post.clone(),
            as_alternate: sanction.as_alternate,
            remarks,
            at: sanction.at,
        };
        Ok(Some((next, event, effect)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::OfficeCode;
    use crate::leave::calendar::{Calendars, HolidayCalendar};
    use crate::leave::days::Balance;
    use crate::leave::rules::{Gender, RuleSet};
    use crate::leave::spell::{assess, EmployeeProfile};
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-03-16 10:00 +5:30);
    const TODAY: Date = date!(2026 - 03 - 16);

    fn post(id: &str) -> PostId {
        PostId::parse(id).unwrap()
    }

    fn actor(employee: &str, posts: &[&str]) -> Actor {
        Actor {
            employee: EmployeeId::parse(employee).unwrap(),
            posts: posts
                .iter()
                .map(|p| (post(p), OfficeCode::parse("FIN-HQ").unwrap()))
                .collect(),
            depts: Vec::new(),
            roles: Vec::new(),
        }
    }

    fn applicant() -> Actor {
        actor("HR2001", &["FIN-HQ-SO-GEN"])
    }
    fn reporting_officer() -> Actor {
        actor("HR2002", &["FIN-HQ-DS"])
    }
    fn controlling_officer() -> Actor {
        actor("HR2005", &["FIN-HQ-JS"])
    }
    fn alternate() -> Actor {
        actor("HR2006", &["FIN-HQ-JS2"])
    }

    /// Earned leave from Friday 20 to Tuesday 24 March: five days, reporting officer
    /// recommends, controlling officer sanctions.
    fn earned_leave() -> LeaveApplication {
        let request = LeaveRequest {
            kind: LeaveKind::Earned,
            from: date!(2026 - 03 - 20),
            to: date!(2026 - 03 - 24),
            half_day_start: false,
            half_day_end: false,
            prefix: false,
            suffix: false,
        };
        let profile = EmployeeProfile {
            gender: Gender::Male,
            joined: date!(2012 - 07 - 02),
            surviving_children: 2,
            single_parent: false,
        };
        let calendars = Calendars::from(HolidayCalendar::haryana_2026());
        let balance = Balance::from(HalfDays::days(40));
        let assessment = assess(&RuleSet::ccs_default(), &calendars, &profile, balance, &request, TODAY).unwrap();
        let chain = vec![
            ChainStep {
                act: ApprovalAct::Recommend,
                by: Approver::ReportingOfficer,
                post: post("FIN-HQ-DS"),
                alternate: None,
            },
            ChainStep {
                act: ApprovalAct::Sanction,
                by: Approver::ControllingOfficer,
                post: post("FIN-HQ-JS"),
                alternate: Some(post("FIN-HQ-JS2")),
            },
        ];
        let (application, event) = make_application(
            NewApplication {
                id: ApplicationId::parse("LV-2026-0001").unwrap(),
                employee: applicant().employee,
                request,
                reason: Reason::parse("Family function at Hisar").unwrap(),
                address: Remarks::parse("House 12, Sector 14, Hisar").unwrap(),
                assessment,
                chain,
            },
            NOW,
        )
        .unwrap();
        assert_eq!((event.seq, event.status), (1, ApplicationStatus::Pending { step: 0 }));
        application
    }

    fn remarks() -> Remarks {
        Remarks::empty()
    }

    fn recommend() -> LeaveAction {
        LeaveAction::Recommend { remarks: remarks() }
    }

    fn sanction() -> LeaveAction {
        LeaveAction::Sanction { remarks: remarks() }
    }

    fn sanctioned() -> LeaveApplication {
        let a = earned_leave();
        let (a, _, _) = a.act(1, recommend(), &reporting_officer(), TODAY, NOW).unwrap();
        let (a, _, _) = a.act(2, sanction(), &controlling_officer(), TODAY, NOW).unwrap();
        a
    }

    #[test]
    fn it_moves_up_the_chain_and_the_sanction_debits() {
        let application = earned_leave();
        assert_eq!(application.days, HalfDays::days(5));
        assert_eq!(application.waiting_at(), Some(&post("FIN-HQ-DS")));
        let (recommended, event, effect) = application
            .act(1, recommend(), &reporting_officer(), TODAY, NOW)
            .unwrap();
        assert_eq!(recommended.status, ApplicationStatus::Pending { step: 1 });
        assert_eq!(recommended.waiting_at(), Some(&post("FIN-HQ-JS")));
        assert_eq!(
            (event.seq, event.at_post.clone(), effect),
            (2, Some(post("FIN-HQ-DS")), Effect::None)
        );
        let (done, event, effect) = recommended
            .act(2, sanction(), &controlling_officer(), TODAY, NOW)
            .unwrap();
        assert_eq!(done.status, ApplicationStatus::Sanctioned);
        assert_eq!(done.version, 3);
        assert_eq!(done.waiting_at(), None);
        assert_eq!(event.status, ApplicationStatus::Sanctioned);
        assert_eq!(
            effect,
            Effect::Debit {
                account: LeaveKind::Earned,
                amount: HalfDays::days(5)
            }
        );
    }

    #[test]
    fn only_the_step_s_approver_or_alternate_decides() {
        let application = earned_leave();
        assert_eq!(
            application.act(1, recommend(), &controlling_officer(), TODAY, NOW),
            Err(ApplicationRefusal::NotYourStep)
        );
        assert_eq!(
            application.act(1, sanction(), &reporting_officer(), TODAY, NOW),
            Err(ApplicationRefusal::WrongAct {
                expected: ApprovalAct::Recommend,
                asked: ApprovalAct::Sanction
            })
        );
        let applicant_holding_the_post = actor("HR2001", &["FIN-HQ-DS"]);
        assert_eq!(
            application.act(1, recommend(), &applicant_holding_the_post, TODAY, NOW),
            Err(ApplicationRefusal::OwnApplication)
        );
        assert_eq!(
            application.act(0, recommend(), &reporting_officer(), TODAY, NOW),
            Err(ApplicationRefusal::StaleVersion { current: 1 })
        );
        let (recommended, _, _) = application
            .act(1, recommend(), &reporting_officer(), TODAY, NOW)
            .unwrap();
        // The alternate may not act while the approver is at their post…
        assert_eq!(
            recommended.act(2, sanction(), &alternate(), TODAY, NOW),
            Err(ApplicationRefusal::ApproverPresent)
        );
        // …only while they are away.
        let (done, event, _) = recommended
            .act_during(2, sanction(), &alternate(), Presence::Away, TODAY, NOW)
            .unwrap();
        assert_eq!(done.status, ApplicationStatus::Sanctioned);
        assert!(event.as_alternate);
        assert_eq!(event.at_post, Some(post("FIN-HQ-JS2")));
        assert_eq!(event.by, alternate().employee);
    }

    #[test]
    fn a_rejection_ends_it() {
        let (recommended, _, _) = earned_leave()
            .act(1, recommend(), &reporting_officer(), TODAY, NOW)
            .unwrap();
        let reject = LeaveAction::Reject {
            reason: Reason::parse("Budget session: no leave till 31 March").unwrap(),
        };
        let (rejected, event, effect) = recommended.act(2, reject, &controlling_officer(), TODAY, NOW).unwrap();
        assert_eq!((rejected.status, effect), (ApplicationStatus::Rejected, Effect::None));
        assert_eq!(event.remarks.as_ref(), "Budget session: no leave till 31 March");
        assert_eq!(
            rejected.act(3, sanction(), &controlling_officer(), TODAY, NOW),
            Err(ApplicationRefusal::AlreadyDecided)
        );
        assert_eq!(
            rejected.act(3, LeaveAction::Cancel { remarks: remarks() }, &applicant(), TODAY, NOW),
            Err(ApplicationRefusal::AlreadyDecided)
        );
    }

    #[test]
    fn cancelling_before_the_start_and_curtailing_after() {
        let cancel = || LeaveAction::Cancel { remarks: remarks() };
        // Pending: withdrawn, nothing to reverse.
        let (withdrawn, _, effect) = earned_leave().act(1, cancel(), &applicant(), TODAY, NOW).unwrap();
        assert_eq!((withdrawn.status, effect), (ApplicationStatus::Withdrawn, Effect::None));
        assert_eq!(
            earned_leave().act(1, cancel(), &reporting_officer(), TODAY, NOW),
            Err(ApplicationRefusal::NotApplicant)
        );
        // Sanctioned, before Friday 20 March: cancelled, the debit comes back.
        let granted = sanctioned();
        let (cancelled, _, effect) = granted
            .act(3, cancel(), &applicant(), date!(2026 - 03 - 19), NOW)
            .unwrap();
        assert_eq!(cancelled.status, ApplicationStatus::Cancelled);
        assert_eq!(
            effect,
            Effect::ReverseDebit {
                account: LeaveKind::Earned,
                amount: HalfDays::days(5)
            }
        );
        let curtail = |to| LeaveAction::Curtail { to, remarks: remarks() };
        assert_eq!(
            granted.act(
                3,
                curtail(date!(2026 - 03 - 22)),
                &applicant(),
                date!(2026 - 03 - 19),
                NOW
            ),
            Err(ApplicationRefusal::NotBegun)
        );
        // On leave since Friday; on Sunday 22 March the applicant cannot cancel, only curtail.
        let sunday = date!(2026 - 03 - 22);
        assert_eq!(
            granted.act(3, cancel(), &applicant(), sunday, NOW),
            Err(ApplicationRefusal::AlreadyBegun)
        );
        for bad in [
            date!(2026 - 03 - 19),
            date!(2026 - 03 - 20),
            date!(2026 - 03 - 24),
            date!(2026 - 03 - 25),
        ] {
            assert_eq!(
                granted.act(3, curtail(bad), &applicant(), sunday, NOW),
                Err(ApplicationRefusal::BadCurtailment),
                "{bad}"
            );
        }
        let (curtailed, event, effect) = granted
            .act(3, curtail(date!(2026 - 03 - 22)), &applicant(), sunday, NOW)
            .unwrap();
        assert_eq!(
            curtailed.status,
            ApplicationStatus::Curtailed {
                to: date!(2026 - 03 - 22)
            }
        );
        assert_eq!(event.at_post, None);
        assert_eq!(
            effect,
            Effect::Curtail {
                account: LeaveKind::Earned,
                to: date!(2026 - 03 - 22)
            }
        );
    }

    #[test]
    fn only_one_s_own_pending_or_unfinished_leave_may_be_modified() {
        let me = applicant().employee;
        assert_eq!(earned_leave().check_replaceable(&me, TODAY), Ok(()));
        assert_eq!(
            earned_leave().check_replaceable(&reporting_officer().employee, TODAY),
            Err(ReplaceRefusal::NotYours)
        );
        let granted = sanctioned();
        assert_eq!(granted.check_replaceable(&me, date!(2026 - 03 - 24)), Ok(()));
        assert!(matches!(
            granted.check_replaceable(&me, date!(2026 - 03 - 25)),
            Err(ReplaceRefusal::Ended(_))
        ));
        let reject = LeaveAction::Reject {
            reason: Reason::parse("Audit week").unwrap(),
        };
        let (rejected, _, _) = earned_leave().act(1, reject, &reporting_officer(), TODAY, NOW).unwrap();
        assert!(matches!(
            rejected.check_replaceable(&me, TODAY),
            Err(ReplaceRefusal::Decided(_))
        ));
    }

    #[test]
    fn sanctioning_a_modification_withdraws_cancels_or_cuts_short_the_old() {
        // The modification's sanction, by the controlling officer.
        let new_from = |from: Date| {
            let mut new = earned_leave();
            new.id = ApplicationId::parse("LV-2026-0002").unwrap();
            new.request.from = from;
            new.request.to = from + time::Duration::days(3);
            new
        };
        let (_, sanction_event, _) = {
            let (a, _, _) = new_from(date!(2026 - 03 - 23))
                .act(1, recommend(), &reporting_officer(), TODAY, NOW)
                .unwrap();
            a.act(2, sanction(), &controlling_officer(), TODAY, NOW).unwrap()
        };
        let replace = |old: &LeaveApplication, from: Date, today: Date| {
            old.replaced_by(&new_from(from), &sanction_event, today)
                .unwrap()
                .map(|(next, event, effect)| (next.status, event.seq, effect))
        };
        // Pending: withdrawn, its reservation released by the settlement.
        assert_eq!(
            replace(&earned_leave(), date!(2026 - 03 - 23), TODAY),
            Some((ApplicationStatus::Withdrawn, 2, Effect::None))
        );
        // Sanctioned, not begun: cancelled in full, even if the new spell starts later.
        let granted = sanctioned();
        let reversed = Effect::ReverseDebit {
            account: LeaveKind::Earned,
            amount: HalfDays::days(5),
        };
        assert_eq!(
            replace(&granted, date!(2026 - 03 - 23), TODAY),
            Some((ApplicationStatus::Cancelled, 4, reversed))
        );
        // Begun on Friday 20, modified from Monday 23: cut short to Sunday 22.
        let sunday = date!(2026 - 03 - 22);
        let to = date!(2026 - 03 - 22);
        assert_eq!(
            replace(&granted, date!(2026 - 03 - 23), date!(2026 - 03 - 25)),
            Some((
                ApplicationStatus::Curtailed { to },
                4,
                Effect::Curtail {
                    account: LeaveKind::Earned,
                    to
                }
            ))
        );
        // Begun, and replaced from its first day: cancelled in full.
        assert_eq!(
            replace(&granted, date!(2026 - 03 - 20), sunday),
            Some((ApplicationStatus::Cancelled, 4, reversed))
        );
        // Begun, and the new spell starts after it ends (an extension): left as it is.
        assert_eq!(replace(&granted, date!(2026 - 03 - 25), sunday), None);
        // The history entry names the modification and who sanctioned it.
        let (_, event, _) = granted
            .replaced_by(&new_from(date!(2026 - 03 - 23)), &sanction_event, TODAY)
            .unwrap()
            .unwrap();
        assert_eq!(event.by, controlling_officer().employee);
        assert_eq!(event.remarks.as_ref(), "Modified by application LV-2026-0002");
        // Already out of the way: nothing to do; cut short into the new spell: refused.
        let (cancelled, _, _) = granted
            .act(3, LeaveAction::Cancel { remarks: remarks() }, &applicant(), TODAY, NOW)
            .unwrap();
        assert_eq!(replace(&cancelled, date!(2026 - 03 - 23), TODAY), None);
        let (curtailed, _, _) = granted
            .act(
                3,
                LeaveAction::Curtail {
                    to: sunday,
                    remarks: remarks(),
                },
                &applicant(),
                sunday,
                NOW,
            )
            .unwrap();
        assert!(matches!(
            curtailed.replaced_by(&new_from(date!(2026 - 03 - 21)), &sanction_event, sunday),
            Err(ReplaceRefusal::Overlaps(_))
        ));
        assert_eq!(replace(&curtailed, date!(2026 - 03 - 23), sunday), None);
    }

    #[test]
    fn the_chain_must_be_the_one_the_rules_chose() {
        let application = earned_leave();
        let calendars = Calendars::from(HolidayCalendar::haryana_2026());
        let profile = EmployeeProfile {
            gender: Gender::Male,
            joined: date!(2012 - 07 - 02),
            surviving_children: 2,
            single_parent: false,
        };
        let assessment = assess(
            &RuleSet::ccs_default(),
            &calendars,
            &profile,
            Balance::from(HalfDays::days(40)),
            &application.request,
            TODAY,
        )
        .unwrap();
        let mut chain = application.chain.clone();
        chain.truncate(1);
        let new = NewApplication {
            id: application.id.clone(),
            employee: application.employee.clone(),
            request: application.request,
            reason: application.reason.clone(),
            address: application.address.clone(),
            assessment,
            chain,
        };
        assert_eq!(make_application(new, NOW), Err(ApplicationRefusal::ChainMismatch));
    }

    #[test]
    fn actions_travel_as_json() {
        let action: LeaveAction =
            serde_json::from_value(serde_json::json!({"action": "curtail", "to": "2026-03-22"})).unwrap();
        assert_eq!(
            action,
            LeaveAction::Curtail {
                to: date!(2026 - 03 - 22),
                remarks: Remarks::empty()
            }
        );
        let status = serde_json::to_value(ApplicationStatus::Pending { step: 1 }).unwrap();
        assert_eq!(status, serde_json::json!({"status": "pending", "step": 1}));
    }
}
