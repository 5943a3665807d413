//! Who acts on an applicant's leave: the posts that report on, control and keep the
//! establishment of each post, as the organisation configures them. The rules name roles
//! ([`Approver`]); this turns a rule's chain into the posts an application travels through.

use super::application::ChainStep;
use super::rules::{ApprovalStep, Approver};
use crate::ids::PostId;
use serde::{Deserialize, Serialize};

/// The officers of one post for leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveOfficers {
    /// Recommends (and, for casual leave, sanctions).
    pub reporting: PostId,
    /// Approves or sanctions.
    pub controlling: PostId,
    /// Keeps the service books and issues the sanction order.
    pub establishment: PostId,
    /// Acts instead of the reporting officer when that officer is away.
    #[serde(default)]
    pub reporting_alternate: Option<PostId>,
}

/// Why a chain could not be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("no reporting or controlling officer is set for your post; ask the establishment section")]
    NoOfficers,
    #[error("the chain would send your application to your own post")]
    OwnPost,
}

impl LeaveOfficers {
    fn post_for(&self, by: Approver) -> &PostId {
        match by {
            Approver::ReportingOfficer => &self.reporting,
            Approver::ControllingOfficer => &self.controlling,
            Approver::Establishment => &self.establishment,
        }
    }

    /// The posts that act at each step of `steps`, for an applicant at `applicant_post`.
    pub fn chain(&self, steps: &[ApprovalStep], applicant_post: &PostId) -> Result<Vec<ChainStep>, ChainError> {
        steps
            .iter()
            .map(|step| {
                let post = self.post_for(step.by).clone();
                if &post == applicant_post {
                    return Err(ChainError::OwnPost);
                }
                let alternate = match step.by {
                    Approver::ReportingOfficer => self.reporting_alternate.clone(),
                    _ => None,
                };
                Ok(ChainStep {
                    act: step.act,
                    by: step.by,
                    post,
                    alternate,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leave::rules::{ApprovalAct, LeaveKind, RuleSet};
    use crate::leave::HalfDays;

    fn post(id: &str) -> PostId {
        PostId::parse(id).unwrap()
    }

    #[test]
    fn a_rule_chain_becomes_posts() {
        let officers = LeaveOfficers {
            reporting: post("FIN-HQ-DS"),
            controlling: post("FIN-HQ-SECY"),
            establishment: post("FIN-HQ-SECY"),
            reporting_alternate: None,
        };
        let rules = RuleSet::ccs_default();
        let earned = rules.rule(LeaveKind::Earned).unwrap();
        let short = officers
            .chain(earned.chain_for(HalfDays::days(5)), &post("FIN-HQ-SO"))
            .unwrap();
        let laid_out: Vec<_> = short.iter().map(|s| (s.act, s.post.to_string())).collect();
        assert_eq!(
            laid_out,
            [
                (ApprovalAct::Recommend, "FIN-HQ-DS".to_owned()),
                (ApprovalAct::Sanction, "FIN-HQ-SECY".to_owned())
            ]
        );
        assert_eq!(
            officers.chain(earned.chain_for(HalfDays::days(5)), &post("FIN-HQ-DS")),
            Err(ChainError::OwnPost)
        );
    }
}
