//! The audit log: every administrative change, with who made it, when, and the record before
//! and after.
//!
//! A change puts its entry with [`entry`] in the same transaction as the change itself, so the
//! log has an entry for exactly the changes that happened. Entries are kept per month
//! (`AUDIT#{yyyy-mm}`, newest first) and, through GSI1, per target (`AUDITOF#{target}`).
//! Administrators read them at `GET /api/v1/admin/audit`.

use crate::auth::CurrentUser;
use crate::error::{ApiError, Json, Query};
use crate::keys;
use crate::pagination::{page_of, PageParams};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use daftar_domain::auth::{authorize, Action, Resource};
use daftar_domain::pims::wire::AuditEntry;
use daftar_domain::wire::Page;
use daftar_store::{Condition, Index, Item, Write};
use rand::Rng;
use serde::Deserialize;
use time::OffsetDateTime;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/admin/audit", get(audit_log))
}

/// The month an instant falls in, as the log's partitions name it (`2026-11`, UTC).
pub fn month_of(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}", at.year(), u8::from(at.month()))
}

/// The write that records one change: `actor` did `action` to `target` at `now`, turning
/// `before` into `after` (none for a creation or a removal). Put it in the change's transaction.
pub fn entry(
    actor: &CurrentUser,
    action: &str,
    target: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    now: OffsetDateTime,
) -> Write {
    let millis = (now.unix_timestamp_nanos() / 1_000_000) as i64;
    let id = format!("{millis:013}-{:016x}", rand::thread_rng().gen::<u64>());
    let employee = &actor.record.employee;
    let record = AuditEntry {
        id: id.clone(),
        actor: employee.id.clone(),
        actor_name_en: employee.name_en.to_string(),
        actor_name_hi: employee.name_hi.to_string(),
        action: action.to_owned(),
        target: target.clone(),
        at: now,
        before,
        after,
    };
    let item = Item::new(
        keys::audit_entry(&month_of(now), millis, &id),
        serde_json::to_value(record).expect("audit entries serialise"),
    )
    .with_gsi1(keys::audit_of_target(&target, millis, &id));
    Write::Put {
        item,
        // The id is new, so this never collides; the condition keeps an entry from ever being
        // overwritten.
        condition: Condition::NotExists,
    }
}

/// The query string of the audit log.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// The month to list (`YYYY-MM`); this month when absent. Ignored with `target`.
    pub month: Option<String>,
    /// Only the entries about this target (`EMP#HR1001`, `POST#FIN-HQ-SO`), across months.
    pub target: Option<String>,
    /// Rows wanted (1 to 100; default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn parse_month(raw: &str) -> Result<String, ApiError> {
    let bytes = raw.as_bytes();
    let well_formed = bytes.len() == 7
        && bytes[4] == b'-'
        && bytes[..4].iter().chain(&bytes[5..]).all(u8::is_ascii_digit)
        && matches!(raw[5..].parse::<u8>(), Ok(1..=12));
    if well_formed {
        Ok(raw.to_owned())
    } else {
        Err(
            ApiError::invalid("month", "month must be written YYYY-MM, for example 2026-04")
                .with_hindi("माह YYYY-MM रूप में लिखें, जैसे 2026-04"),
        )
    }
}

/// The audit log, newest first: a month's entries, or one target's.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(AuditParams),
    responses((status = 200, body = Page<AuditEntry>), (status = 403, body = daftar_domain::wire::Problem),
        (status = 422, body = daftar_domain::wire::Problem)))]
pub async fn audit_log(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<AuditParams>,
) -> Result<Json<Page<AuditEntry>>, ApiError> {
    authorize(&user.actor, Action::ViewAuditLog, Resource::Organisation)
        .map_err(|e| ApiError::from(e).with_hindi("केवल प्रशासक लेखा-परीक्षा लॉग पढ़ सकते हैं"))?;
    let mut query = match (&params.target, &params.month) {
        (Some(target), _) => {
            if target.is_empty() || target.len() > 100 || target.chars().any(char::is_control) {
                return Err(ApiError::invalid("target", "target must be 1 to 100 characters")
                    .with_hindi("target 1 से 100 अक्षरों का होना चाहिए"));
            }
            daftar_store::Query::new(Index::Gsi1, keys::audit_target_partition(target))
        }
        (None, Some(month)) => {
            daftar_store::Query::new(Index::Table, keys::audit_month_partition(&parse_month(month)?))
        }
        (None, None) => daftar_store::Query::new(Index::Table, keys::audit_month_partition(&month_of(state.now()))),
    };
    query.ascending = false;
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    Ok(Json(
        page_of(state.store.as_ref(), query, keys::AUDIT_PREFIX, page).await?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_yyyy_mm() {
        let at = time::macros::datetime!(2026-03-05 10:00 UTC);
        assert_eq!(month_of(at), "2026-03");
        assert!(parse_month("2026-11").is_ok());
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "abcd-ef", "2026-00"] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
    }
}
