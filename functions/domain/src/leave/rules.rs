//! Leave types as data: what each kind of leave earns, how long a spell may be, which days it
//! counts, who sanctions it and what it needs, gathered in a versioned rule set per state.
//!
//! States differ (Punjab and Kerala credit earned leave differently from the centre), and they
//! amend their rules, so a [`RuleSet`] carries its state and version, and every ledger entry
//! names the version it was made under. [`RuleSet::ccs_default`] models the Central Civil
//! Services (Leave) Rules, 1972, which most states follow closely.

use super::days::{Balance, HalfDays};
use super::StateCode;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::Date;

/// The kinds of leave the service rules know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    Casual,
    RestrictedHoliday,
    Earned,
    HalfPay,
    /// Half pay leave taken on full pay on a medical certificate: debits twice its days.
    Commuted,
    /// Half pay leave not yet earned, debited against future credits.
    NotDue,
    Extraordinary,
    Maternity,
    Paternity,
    ChildCare,
    SpecialCasual,
}

impl LeaveKind {
    pub const ALL: [LeaveKind; 11] = [
        Self::Casual,
        Self::RestrictedHoliday,
        Self::Earned,
        Self::HalfPay,
        Self::Commuted,
        Self::NotDue,
        Self::Extraordinary,
        Self::Maternity,
        Self::Paternity,
        Self::ChildCare,
        Self::SpecialCasual,
    ];

    /// The abbreviation offices write: `CL`, `EL`, `HPL`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Casual => "CL",
            Self::RestrictedHoliday => "RH",
            Self::Earned => "EL",
            Self::HalfPay => "HPL",
            Self::Commuted => "CML",
            Self::NotDue => "LND",
            Self::Extraordinary => "EOL",
            Self::Maternity => "ML",
            Self::Paternity => "PL",
            Self::ChildCare => "CCL",
            Self::SpecialCasual => "SCL",
        }
    }
}

impl fmt::Display for LeaveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How a kind of leave is earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Accrual {
    /// Not earned; the leave is granted when due (maternity) or not paid (extraordinary).
    None,
    /// Credited once a year on 1 January (casual leave, restricted holidays).
    AnnualGrant { amount: HalfDays },
    /// Credited in advance on 1 January and 1 July. The credit is reduced by one day for every
    /// `reduce_one_day_per` days of extraordinary leave and dies non in the previous half-year
    /// (ten for earned leave, so one tenth), rounded to the nearest day, at most the credit.
    HalfYearlyAdvance {
        amount: HalfDays,
        reduce_one_day_per: Option<u8>,
    },
    /// Credited after each completed half-year of service, reduced as above.
    PerCompletedHalfYear {
        amount: HalfDays,
        reduce_one_day_per: Option<u8>,
    },
    /// Credited once for the whole service (child care leave: 730 days).
    ServiceGrant { amount: HalfDays },
}

impl Accrual {
    /// The full credit of one period, if the kind is earned at all.
    pub fn amount(&self) -> Option<HalfDays> {
        match self {
            Accrual::None => None,
            Accrual::AnnualGrant { amount }
            | Accrual::HalfYearlyAdvance { amount, .. }
            | Accrual::PerCompletedHalfYear { amount, .. }
            | Accrual::ServiceGrant { amount } => Some(*amount),
        }
    }

    /// Whether the kind has a leave account at all.
    pub fn has_account(&self) -> bool {
        !matches!(self, Accrual::None)
    }
}

/// What an approver does at one step of the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApprovalAct {
    Recommend,
    Approve,
    /// The final word: the leave is granted.
    Sanction,
}

/// Who acts at a step, relative to the applicant; the organisation says which post that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Approver {
    ReportingOfficer,
    ControllingOfficer,
    /// The establishment section, which keeps service books and issues the sanction order.
    Establishment,
}

/// One step of an approval chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovalStep {
    pub act: ApprovalAct,
    pub by: Approver,
}

/// The chain for spells up to `up_to` days (all longer spells when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainBand {
    pub up_to: Option<HalfDays>,
    pub steps: Vec<ApprovalStep>,
}

/// A document an application must carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Document {
    MedicalCertificate,
    /// A doctor's certificate of the expected or actual date of confinement.
    ConfinementCertificate,
    /// The child's birth certificate (child care leave is for children under 18).
    BirthCertificate,
    /// For a back-dated application: the report of rejoining duty.
    JoiningReport,
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Document::MedicalCertificate => "medical certificate",
            Document::ConfinementCertificate => "certificate of the date of confinement",
            Document::BirthCertificate => "child's birth certificate",
            Document::JoiningReport => "joining report",
        })
    }
}

/// A document required always, or only for spells longer than `above` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRule {
    pub document: Document,
    pub above: Option<HalfDays>,
}

/// An employee's gender, as the service book records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

/// Who a kind of leave is for, by gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GenderRule {
    Any,
    Female,
    Male,
    /// Women, and men who are single parents (child care leave).
    FemaleOrSingleParent,
}

impl GenderRule {
    pub fn admits(self, gender: Gender, single_parent: bool) -> bool {
        match self {
            GenderRule::Any => true,
            GenderRule::Female => gender == Gender::Female,
            GenderRule::Male => gender == Gender::Male,
            GenderRule::FemaleOrSingleParent => gender == Gender::Female || single_parent,
        }
    }
}

/// Who may take a kind of leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Eligibility {
    pub gender: GenderRule,
    /// Completed months of service before the spell starts.
    pub min_service_months: u16,
    /// The most surviving children the employee may already have (maternity leave is for
    /// fewer than two, so one).
    pub max_surviving_children: Option<u8>,
}

impl Eligibility {
    pub const ANYONE: Eligibility = Eligibility {
        gender: GenderRule::Any,
        min_service_months: 0,
        max_surviving_children: None,
    };
}

/// Which leave account a spell is debited from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "from")]
pub enum Debit {
    /// Not debited from any account (maternity, extraordinary leave).
    None,
    /// From the kind's own account.
    Own,
    /// From another kind's account, `times` days for each day taken (commuted leave: half pay
    /// leave, twice).
    Account { kind: LeaveKind, times: u8 },
}

/// Everything the rules say about one kind of leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveTypeRule {
    pub kind: LeaveKind,
    pub accrual: Accrual,
    /// The most the account may hold (earned leave: 300 days); a half-yearly credit beyond it is
    /// kept as overflow for that half-year only.
    pub max_balance: Option<HalfDays>,
    /// Whether an unused balance carries into the next year; casual leave lapses on 31 December.
    pub carry_forward: bool,
    pub min_per_spell: HalfDays,
    pub max_per_spell: Option<HalfDays>,
    /// Whether a spell may start in the afternoon or end at noon.
    pub half_day_allowed: bool,
    /// Whether weekends and holidays inside the spell are counted as leave (earned leave: yes;
    /// casual leave: no).
    pub counts_non_working_days: bool,
    /// Whether the holidays just before or after the spell may be joined to it.
    pub prefix_suffix_allowed: bool,
    /// Whether each day must be one of the calendar's restricted holidays.
    pub restricted_holidays_only: bool,
    /// How many days after its start a spell may still be applied for.
    pub backdate_days: u16,
    /// The approval chains, by length of spell, shortest first.
    pub chain: Vec<ChainBand>,
    pub documents: Vec<DocumentRule>,
    pub eligibility: Eligibility,
    pub debit: Debit,
    /// How far below zero a spell of this kind may take the account it debits (leave not due:
    /// 360 days of half pay leave not yet earned).
    pub overdraft: Option<HalfDays>,
}

impl LeaveTypeRule {
    /// The steps a spell of `days` goes through.
    pub fn chain_for(&self, days: HalfDays) -> &[ApprovalStep] {
        self.chain
            .iter()
            .find(|band| band.up_to.is_none_or(|up_to| days <= up_to))
            .map_or(&[], |band| &band.steps)
    }

    /// The documents a spell of `days` needs.
    pub fn documents_for(&self, days: HalfDays) -> Vec<Document> {
        self.documents
            .iter()
            .filter(|rule| rule.above.is_none_or(|above| days > above))
            .map(|rule| rule.document)
            .collect()
    }

    /// The account a spell of `days` is debited from, and by how much.
    pub fn debit_for(&self, days: HalfDays) -> Option<(LeaveKind, HalfDays)> {
        match self.debit {
            Debit::None => None,
            Debit::Own => Some((self.kind, days)),
            Debit::Account { kind, times } => Some((kind, days.times(u32::from(times)))),
        }
    }
}

/// Why a rule set was refused. Each names the kind whose rule is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("a rule set's version starts at 1")]
    VersionZero,
    #[error("{0} has two rules")]
    DuplicateKind(LeaveKind),
    #[error("{0}: the shortest spell must be at least half a day and no longer than the longest")]
    SpellBounds(LeaveKind),
    #[error("{0}: the maximum balance is below one credit")]
    CapBelowCredit(LeaveKind),
    #[error("{0}: a credit reduction needs a divisor of at least 1")]
    BadReduction(LeaveKind),
    #[error("{0}: the approval chains must grow by length, end with an open band, and each end in a sanction")]
    BadChain(LeaveKind),
    #[error("{0}: it must debit another kind's account that is earned, at least once per day")]
    BadDebit(LeaveKind),
    #[error("{0}: only a kind that is debited from an account may overdraw it")]
    OverdraftWithoutDebit(LeaveKind),
    #[error("{0}: half days need spells that may be half a day long")]
    HalfDayBounds(LeaveKind),
    #[error("{kind}: an approval chain has at most {max} steps")]
    TooManySteps { kind: LeaveKind, max: usize },
}

/// The most steps one approval chain may have. No office's leave passes through more than a
/// handful of hands, and an application numbers its steps in a byte, so a longer chain could
/// never be made into an application.
pub const MAX_CHAIN_STEPS: usize = 10;

/// A state's leave rules, as in force from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RuleSetParts")]
pub struct RuleSet {
    state: StateCode,
    version: u32,
    effective_from: Date,
    types: Vec<LeaveTypeRule>,
}

#[derive(Deserialize)]
struct RuleSetParts {
    state: StateCode,
    version: u32,
    effective_from: Date,
    types: Vec<LeaveTypeRule>,
}

impl TryFrom<RuleSetParts> for RuleSet {
    type Error = RuleError;
    fn try_from(parts: RuleSetParts) -> Result<Self, Self::Error> {
        RuleSet::new(parts.state, parts.version, parts.effective_from, parts.types)
    }
}

fn check_chain(chain: &[ChainBand]) -> bool {
    let bands_grow = chain.windows(2).all(|pair| match (pair[0].up_to, pair[1].up_to) {
        (Some(shorter), Some(longer)) => shorter < longer,
        (Some(_), None) => true,
        (None, _) => false,
    });
    let ends_open = chain.last().is_some_and(|band| band.up_to.is_none());
    let each_sanctioned = chain.iter().all(|band| {
        band.steps.last().is_some_and(|step| step.act == ApprovalAct::Sanction)
            && band.steps[..band.steps.len() - 1]
                .iter()
                .all(|step| step.act != ApprovalAct::Sanction)
    });
    bands_grow && ends_open && each_sanctioned
}

fn check_rule(rule: &LeaveTypeRule, types: &[LeaveTypeRule]) -> Result<(), RuleError> {
    let kind = rule.kind;
    if rule.min_per_spell.is_zero() || rule.max_per_spell.is_some_and(|max| rule.min_per_spell > max) {
        return Err(RuleError::SpellBounds(kind));
    }
    if rule.half_day_allowed && rule.min_per_spell > HalfDays::HALF {
        return Err(RuleError::HalfDayBounds(kind));
    }
    if let (Some(cap), Some(credit)) = (rule.max_balance, rule.accrual.amount()) {
        if cap < credit {
            return Err(RuleError::CapBelowCredit(kind));
        }
    }
    if let Accrual::HalfYearlyAdvance {
        reduce_one_day_per: Some(0),
        ..
    }
    | Accrual::PerCompletedHalfYear {
        reduce_one_day_per: Some(0),
        ..
    } = rule.accrual
    {
        return Err(RuleError::BadReduction(kind));
    }
    if !check_chain(&rule.chain) {
        return Err(RuleError::BadChain(kind));
    }
    if rule.chain.iter().any(|band| band.steps.len() > MAX_CHAIN_STEPS) {
        return Err(RuleError::TooManySteps {
            kind,
            max: MAX_CHAIN_STEPS,
        });
    }
    let debit_ok = match rule.debit {
        Debit::None => true,
        Debit::Own => rule.accrual.has_account(),
        Debit::Account { kind: account, times } => {
            account != kind
                && times >= 1
                && types
                    .iter()
                    .any(|other| other.kind == account && other.accrual.has_account())
        }
    };
    if !debit_ok {
        return Err(RuleError::BadDebit(kind));
    }
    if rule.overdraft.is_some() && rule.debit == Debit::None {
        return Err(RuleError::OverdraftWithoutDebit(kind));
    }
    Ok(())
}

impl RuleSet {
    /// Checks every rule and how they refer to each other.
    pub fn new(
        state: StateCode,
        version: u32,
        effective_from: Date,
        types: Vec<LeaveTypeRule>,
    ) -> Result<Self, RuleError> {
        if version == 0 {
            return Err(RuleError::VersionZero);
        }
        for (i, rule) in types.iter().enumerate() {
            if types[..i].iter().any(|earlier| earlier.kind == rule.kind) {
                return Err(RuleError::DuplicateKind(rule.kind));
            }
            check_rule(rule, &types)?;
        }
        Ok(RuleSet {
            state,
            version,
            effective_from,
            types,
        })
    }

    pub fn state(&self) -> &StateCode {
        &self.state
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn effective_from(&self) -> Date {
        self.effective_from
    }

    pub fn types(&self) -> &[LeaveTypeRule] {
        &self.types
    }

    /// The rule for a kind, if this state grants it.
    pub fn rule(&self, kind: LeaveKind) -> Option<&LeaveTypeRule> {
        self.types.iter().find(|rule| rule.kind == kind)
    }

    /// How low a spell of `taken` may take the `account` it debits: zero, or below zero by the
    /// taken kind's overdraft (leave not due takes half pay leave negative).
    pub fn floor(&self, account: LeaveKind, taken: LeaveKind) -> Balance {
        let overdraft = self
            .rule(taken)
            .filter(|rule| {
                rule.debit_for(HalfDays::HALF)
                    .is_some_and(|(debited, _)| debited == account)
            })
            .and_then(|rule| rule.overdraft);
        overdraft.map_or(Balance::ZERO, Balance::negated)
    }

    /// A rule set modelled on the Central Civil Services (Leave) Rules, 1972, as amended: casual
    /// leave 8 days a year and restricted holidays 2 (both under executive instructions, not the
    /// rules themselves); earned leave 15 days credited on 1 January and 1 July, up to 300;
    /// half pay leave 10 days each half-year; commuted leave on a medical certificate at twice
    /// its days of half pay leave; leave not due up to 360 days against future half pay leave;
    /// extraordinary leave; maternity leave of 180 days for fewer than two surviving children;
    /// paternity leave of 15 days; child care leave of 730 days in the whole service. The
    /// approval chains and back-dating windows are this office's practice, not the rules', and
    /// are meant to be edited.
    pub fn ccs_default() -> RuleSet {
        use time::macros::date;
        use ApprovalAct::{Approve, Recommend, Sanction};
        use Approver::{ControllingOfficer, Establishment, ReportingOfficer};
        let step = |act, by| ApprovalStep { act, by };
        let open = |steps: Vec<ApprovalStep>| ChainBand { up_to: None, steps };
        let reporting_officer_only = vec![open(vec![step(Sanction, ReportingOfficer)])];
        let two_then_three = |up_to_days| {
            vec![
                ChainBand {
                    up_to: Some(HalfDays::days(up_to_days)),
                    steps: vec![step(Recommend, ReportingOfficer), step(Sanction, ControllingOfficer)],
                },
                open(vec![
                    step(Recommend, ReportingOfficer),
                    step(Approve, ControllingOfficer),
                    step(Sanction, Establishment),
                ]),
            ]
        };
        let three_steps = vec![open(vec![
            step(Recommend, ReportingOfficer),
            step(Approve, ControllingOfficer),
            step(Sanction, Establishment),
        ])];
        let always = |document| DocumentRule { document, above: None };
        let base = |kind| LeaveTypeRule {
            kind,
            accrual: Accrual::None,
            max_balance: None,
            carry_forward: true,
            min_per_spell: HalfDays::days(1),
            max_per_spell: None,
            half_day_allowed: false,
            counts_non_working_days: true,
            prefix_suffix_allowed: true,
            restricted_holidays_only: false,
            backdate_days: 30,
            chain: three_steps.clone(),
            documents: Vec::new(),
            eligibility: Eligibility::ANYONE,
            debit: Debit::None,
            overdraft: None,
        };
        let types = vec![
            LeaveTypeRule {
                accrual: Accrual::AnnualGrant {
                    amount: HalfDays::days(8),
                },
                max_balance: Some(HalfDays::days(8)),
                carry_forward: false,
                min_per_spell: HalfDays::HALF,
                max_per_spell: Some(HalfDays::days(5)),
                half_day_allowed: true,
                counts_non_working_days: false,
                backdate_days: 7,
                chain: reporting_officer_only.clone(),
                debit: Debit::Own,
                ..base(LeaveKind::Casual)
            },
            LeaveTypeRule {
                accrual: Accrual::AnnualGrant {
                    amount: HalfDays::days(2),
                },
                max_balance: Some(HalfDays::days(2)),
                carry_forward: false,
                max_per_spell: Some(HalfDays::days(1)),
                counts_non_working_days: false,
                restricted_holidays_only: true,
                backdate_days: 7,
                chain: reporting_officer_only.clone(),
                debit: Debit::Own,
                ..base(LeaveKind::RestrictedHoliday)
            },
            LeaveTypeRule {
                accrual: Accrual::HalfYearlyAdvance {
                    amount: HalfDays::days(15),
                    reduce_one_day_per: Some(10),
                },
                max_balance: Some(HalfDays::days(300)),
                max_per_spell: Some(HalfDays::days(180)),
                chain: two_then_three(30),
                debit: Debit::Own,
                ..base(LeaveKind::Earned)
            },
            // Rule 29 cuts half pay leave by one day in eighteen of dies non (and of suspension
            // treated as dies non), not of extraordinary leave, which counts as service for it.
            // Dies non is not recorded yet, and the only absences counted are extraordinary
            // leave, so half pay leave is credited in full.
            LeaveTypeRule {
                accrual: Accrual::HalfYearlyAdvance {
                    amount: HalfDays::days(10),
                    reduce_one_day_per: None,
                },
                chain: two_then_three(30),
                debit: Debit::Own,
                ..base(LeaveKind::HalfPay)
            },
            LeaveTypeRule {
                max_per_spell: Some(HalfDays::days(240)),
                chain: two_then_three(30),
                documents: vec![always(Document::MedicalCertificate)],
                debit: Debit::Account {
                    kind: LeaveKind::HalfPay,
                    times: 2,
                },
                ..base(LeaveKind::Commuted)
            },
            LeaveTypeRule {
                max_per_spell: Some(HalfDays::days(180)),
                documents: vec![always(Document::MedicalCertificate)],
                eligibility: Eligibility {
                    // Leave not due is for permanent employees; a year's service stands in for
                    // confirmation, which the service book does not yet record here.
                    min_service_months: 12,
                    ..Eligibility::ANYONE
                },
                debit: Debit::Account {
                    kind: LeaveKind::HalfPay,
                    times: 1,
                },
                overdraft: Some(HalfDays::days(360)),
                ..base(LeaveKind::NotDue)
            },
            LeaveTypeRule {
                max_per_spell: Some(HalfDays::days(5 * 365)),
                ..base(LeaveKind::Extraordinary)
            },
            LeaveTypeRule {
                max_per_spell: Some(HalfDays::days(180)),
                documents: vec![always(Document::ConfinementCertificate)],
                eligibility: Eligibility {
                    gender: GenderRule::Female,
                    min_service_months: 0,
                    max_surviving_children: Some(1),
                },
                chain: vec![open(vec![
                    step(Recommend, ReportingOfficer),
                    step(Sanction, Establishment),
                ])],
                ..base(LeaveKind::Maternity)
            },
            LeaveTypeRule {
                max_per_spell: Some(HalfDays::days(15)),
                eligibility: Eligibility {
                    gender: GenderRule::Male,
                    min_service_months: 0,
                    max_surviving_children: Some(1),
                },
                chain: vec![open(vec![
                    step(Recommend, ReportingOfficer),
                    step(Sanction, ControllingOfficer),
                ])],
                ..base(LeaveKind::Paternity)
            },
            LeaveTypeRule {
                accrual: Accrual::ServiceGrant {
                    amount: HalfDays::days(730),
                },
                min_per_spell: HalfDays::days(5),
                documents: vec![always(Document::BirthCertificate)],
                eligibility: Eligibility {
                    gender: GenderRule::FemaleOrSingleParent,
                    ..Eligibility::ANYONE
                },
                debit: Debit::Own,
                ..base(LeaveKind::ChildCare)
            },
            LeaveTypeRule {
                min_per_spell: HalfDays::HALF,
                max_per_spell: Some(HalfDays::days(30)),
                half_day_allowed: true,
                counts_non_working_days: false,
                backdate_days: 7,
                chain: vec![open(vec![
                    step(Recommend, ReportingOfficer),
                    step(Sanction, ControllingOfficer),
                ])],
                ..base(LeaveKind::SpecialCasual)
            },
        ];
        let centre = StateCode::parse("IN").expect("IN is a state code");
        RuleSet::new(centre, 1, date!(2026 - 01 - 01), types).expect("the built-in rule set is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ccs() -> RuleSet {
        RuleSet::ccs_default()
    }

    fn rule(kind: LeaveKind) -> LeaveTypeRule {
        ccs().rule(kind).unwrap().clone()
    }

    #[test]
    fn the_ccs_default_grants_every_kind() {
        let rules = ccs();
        assert_eq!(rules.types().len(), LeaveKind::ALL.len());
        for kind in LeaveKind::ALL {
            assert_eq!(rules.rule(kind).map(|r| r.kind), Some(kind));
        }
        assert_eq!(rules.state().as_ref(), "IN");
        assert_eq!(rules.version(), 1);
        assert_eq!(rules.effective_from(), time::macros::date!(2026 - 01 - 01));
    }

    #[test]
    fn the_ccs_default_has_the_rules_numbers() {
        let el = rule(LeaveKind::Earned);
        assert_eq!(
            el.accrual,
            Accrual::HalfYearlyAdvance {
                amount: HalfDays::days(15),
                reduce_one_day_per: Some(10)
            }
        );
        assert_eq!(el.max_balance, Some(HalfDays::days(300)));
        assert!(el.counts_non_working_days && el.carry_forward && !el.half_day_allowed);
        let cl = rule(LeaveKind::Casual);
        assert_eq!(cl.accrual.amount(), Some(HalfDays::days(8)));
        assert!(!cl.counts_non_working_days && !cl.carry_forward && cl.half_day_allowed);
        assert_eq!(cl.min_per_spell, HalfDays::HALF);
        assert_eq!(
            rule(LeaveKind::RestrictedHoliday).accrual.amount(),
            Some(HalfDays::days(2))
        );
        assert!(rule(LeaveKind::RestrictedHoliday).restricted_holidays_only);
        assert_eq!(rule(LeaveKind::HalfPay).accrual.amount(), Some(HalfDays::days(10)));
        assert_eq!(rule(LeaveKind::ChildCare).accrual.amount(), Some(HalfDays::days(730)));
        let ml = rule(LeaveKind::Maternity);
        assert_eq!(ml.max_per_spell, Some(HalfDays::days(180)));
        assert_eq!(ml.eligibility.max_surviving_children, Some(1));
        assert_eq!(ml.debit, Debit::None);
        assert_eq!(rule(LeaveKind::Paternity).max_per_spell, Some(HalfDays::days(15)));
        assert_eq!(rule(LeaveKind::Extraordinary).debit_for(HalfDays::days(40)), None);
    }

    #[test]
    fn debits_go_to_the_right_account() {
        let cases = [
            (LeaveKind::Earned, 10, Some((LeaveKind::Earned, 10))),
            (LeaveKind::Commuted, 10, Some((LeaveKind::HalfPay, 20))),
            (LeaveKind::NotDue, 10, Some((LeaveKind::HalfPay, 10))),
            (LeaveKind::Casual, 1, Some((LeaveKind::Casual, 1))),
            (LeaveKind::Maternity, 180, None),
        ];
        for (kind, days, expected) in cases {
            assert_eq!(
                rule(kind).debit_for(HalfDays::days(days)),
                expected.map(|(account, d)| (account, HalfDays::days(d))),
                "{kind}"
            );
        }
    }

    #[test]
    fn only_leave_not_due_overdraws_half_pay_leave() {
        let rules = ccs();
        assert_eq!(
            rules.floor(LeaveKind::HalfPay, LeaveKind::NotDue),
            Balance::negated(HalfDays::days(360))
        );
        assert_eq!(rules.floor(LeaveKind::HalfPay, LeaveKind::Commuted), Balance::ZERO);
        assert_eq!(rules.floor(LeaveKind::HalfPay, LeaveKind::HalfPay), Balance::ZERO);
        assert_eq!(rules.floor(LeaveKind::Earned, LeaveKind::NotDue), Balance::ZERO);
    }

    #[test]
    fn chains_are_chosen_by_length() {
        use ApprovalAct::*;
        use Approver::*;
        let el = rule(LeaveKind::Earned);
        let acts = |days| -> Vec<(ApprovalAct, Approver)> {
            el.chain_for(HalfDays::days(days))
                .iter()
                .map(|s| (s.act, s.by))
                .collect()
        };
        assert_eq!(
            acts(30),
            vec![(Recommend, ReportingOfficer), (Sanction, ControllingOfficer)]
        );
        assert_eq!(
            acts(31),
            vec![
                (Recommend, ReportingOfficer),
                (Approve, ControllingOfficer),
                (Sanction, Establishment)
            ]
        );
        let cl = rule(LeaveKind::Casual);
        assert_eq!(
            cl.chain_for(HalfDays::days(5)),
            &[ApprovalStep {
                act: Sanction,
                by: ReportingOfficer
            }]
        );
    }

    #[test]
    fn documents_are_chosen_by_length() {
        let mut hpl = rule(LeaveKind::HalfPay);
        assert!(hpl.documents_for(HalfDays::days(30)).is_empty());
        hpl.documents = vec![DocumentRule {
            document: Document::MedicalCertificate,
            above: Some(HalfDays::days(3)),
        }];
        assert!(hpl.documents_for(HalfDays::days(3)).is_empty());
        assert_eq!(
            hpl.documents_for(HalfDays::from_half_days(7)),
            vec![Document::MedicalCertificate]
        );
        assert_eq!(
            rule(LeaveKind::Commuted).documents_for(HalfDays::days(1)),
            vec![Document::MedicalCertificate]
        );
    }

    #[test]
    fn genders_admit_whom_they_say() {
        use Gender::*;
        let cases = [
            (GenderRule::Any, Other, false, true),
            (GenderRule::Female, Female, false, true),
            (GenderRule::Female, Male, true, false),
            (GenderRule::Male, Male, false, true),
            (GenderRule::Male, Female, false, false),
            (GenderRule::FemaleOrSingleParent, Male, true, true),
            (GenderRule::FemaleOrSingleParent, Male, false, false),
            (GenderRule::FemaleOrSingleParent, Female, false, true),
        ];
        for (rule, gender, single, expected) in cases {
            assert_eq!(rule.admits(gender, single), expected, "{rule:?} {gender:?} {single}");
        }
    }

    #[test]
    fn broken_rules_are_refused() {
        let with = |change: fn(&mut Vec<LeaveTypeRule>)| {
            let mut types = ccs().types().to_vec();
            change(&mut types);
            RuleSet::new(
                StateCode::parse("HR").unwrap(),
                1,
                time::macros::date!(2026 - 01 - 01),
                types,
            )
        };
        fn earned(types: &mut [LeaveTypeRule]) -> &mut LeaveTypeRule {
            types.iter_mut().find(|r| r.kind == LeaveKind::Earned).unwrap()
        }
        type Breakage = fn(&mut Vec<LeaveTypeRule>);
        let cases: [(Breakage, RuleError); 12] = [
            (
                |t| earned(t).min_per_spell = HalfDays::days(200),
                RuleError::SpellBounds(LeaveKind::Earned),
            ),
            (
                |t| earned(t).min_per_spell = HalfDays::ZERO,
                RuleError::SpellBounds(LeaveKind::Earned),
            ),
            (
                |t| earned(t).max_balance = Some(HalfDays::days(10)),
                RuleError::CapBelowCredit(LeaveKind::Earned),
            ),
            (
                |t| {
                    earned(t).accrual = Accrual::HalfYearlyAdvance {
                        amount: HalfDays::days(15),
                        reduce_one_day_per: Some(0),
                    }
                },
                RuleError::BadReduction(LeaveKind::Earned),
            ),
            (|t| earned(t).chain.clear(), RuleError::BadChain(LeaveKind::Earned)),
            (|t| earned(t).chain.reverse(), RuleError::BadChain(LeaveKind::Earned)),
            (
                |t| earned(t).chain[0].steps.reverse(),
                RuleError::BadChain(LeaveKind::Earned),
            ),
            (
                |t| t.retain(|r| r.kind != LeaveKind::HalfPay),
                RuleError::BadDebit(LeaveKind::Commuted),
            ),
            (
                |t| {
                    let eol = t.iter_mut().find(|r| r.kind == LeaveKind::Extraordinary).unwrap();
                    eol.overdraft = Some(HalfDays::days(1))
                },
                RuleError::OverdraftWithoutDebit(LeaveKind::Extraordinary),
            ),
            (
                |t| {
                    let copy = earned(t).clone();
                    t.push(copy)
                },
                RuleError::DuplicateKind(LeaveKind::Earned),
            ),
            (
                |t| earned(t).half_day_allowed = true,
                RuleError::HalfDayBounds(LeaveKind::Earned),
            ),
            (
                |t| {
                    let steps = &mut earned(t).chain[0].steps;
                    let sanction = steps.pop().unwrap();
                    let recommend = steps[0];
                    steps.resize(MAX_CHAIN_STEPS, recommend);
                    steps.push(sanction);
                },
                RuleError::TooManySteps {
                    kind: LeaveKind::Earned,
                    max: MAX_CHAIN_STEPS,
                },
            ),
        ];
        for (change, expected) in cases {
            assert_eq!(with(change), Err(expected.clone()), "{expected}");
        }
        assert!(with(|_| ()).is_ok());
        assert_eq!(
            RuleSet::new(
                StateCode::parse("HR").unwrap(),
                0,
                time::macros::date!(2026 - 01 - 01),
                Vec::new()
            ),
            Err(RuleError::VersionZero)
        );
    }

    #[test]
    fn rule_sets_travel_as_json_and_are_checked_on_the_way_in() {
        let rules = ccs();
        let json = serde_json::to_value(&rules).unwrap();
        let earned = &json["types"][2];
        assert_eq!(earned["kind"], "earned");
        assert_eq!(
            earned["accrual"],
            serde_json::json!({"kind": "half_yearly_advance", "amount": "15", "reduce_one_day_per": 10})
        );
        assert_eq!(
            json["types"][4]["debit"],
            serde_json::json!({"from": "account", "kind": "half_pay", "times": 2})
        );
        let back: RuleSet = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, rules);
        let mut broken = json;
        broken["types"][2]["max_balance"] = serde_json::json!("5");
        assert!(serde_json::from_value::<RuleSet>(broken).is_err());
    }

    #[test]
    fn kinds_have_office_abbreviations() {
        let codes: Vec<&str> = LeaveKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            ["CL", "RH", "EL", "HPL", "CML", "LND", "EOL", "ML", "PL", "CCL", "SCL"]
        );
        assert_eq!(
            serde_json::to_string(&LeaveKind::RestrictedHoliday).unwrap(),
            "\"restricted_holiday\""
        );
    }
}
