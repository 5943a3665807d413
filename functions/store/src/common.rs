//! Rules both backends share, kept in one place so they cannot disagree: what "expired" means,
//! which requests are refused before touching storage, and the cursor format.

use crate::schema;
use crate::{Condition, Index, Item, Key, Query, SortRange, StoreError, Write, MAX_TRANSACTION_WRITES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use std::collections::{BTreeMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

/// The current time in Unix seconds, the unit of [`Item::expires_at`].
pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// An item is dead from the second its expiry names, on both backends (DynamoDB's TTL sweeper
/// runs late, so its deletions cannot be what defines expiry).
pub(crate) fn is_expired(expires_at: Option<i64>, now: i64) -> bool {
    matches!(expires_at, Some(at) if at <= now)
}

/// Whether `condition` holds against `current`, the stored item (expired or not) under the key.
pub(crate) fn condition_holds(condition: Condition, current: Option<&Item>, now: i64) -> bool {
    let live = current.filter(|item| !is_expired(item.expires_at, now));
    match condition {
        Condition::None => true,
        Condition::NotExists => live.is_none(),
        Condition::Exists => live.is_some(),
        Condition::VersionIs(version) => live.is_some_and(|item| item.version == version),
    }
}

/// The key a write touches.
pub(crate) fn write_key(write: &Write) -> &Key {
    match write {
        Write::Put { item, .. } => &item.key,
        Write::Delete { key, .. } | Write::Increment { key, .. } | Write::Check { key, .. } => key,
    }
}

fn check_key(what: &str, key: &Key) -> Result<(), StoreError> {
    // DynamoDB refuses empty strings in key attributes; refusing them here keeps the embedded
    // store from accepting data production would reject.
    if key.pk.is_empty() || key.sk.is_empty() {
        return Err(StoreError::InvalidRequest(format!(
            "{what} has an empty partition or sort key"
        )));
    }
    Ok(())
}

/// Refuses writes that neither backend can carry out.
pub(crate) fn validate_write(write: &Write) -> Result<(), StoreError> {
    check_key("key", write_key(write))?;
    if let Write::Put { item, .. } = write {
        if let Some(gsi1) = &item.gsi1 {
            check_key("gsi1 key", gsi1)?;
        }
        if let Some(gsi2) = &item.gsi2 {
            check_key("gsi2 key", gsi2)?;
        }
    }
    Ok(())
}

/// Refuses transactions DynamoDB would refuse: too many writes, or two on one item.
pub(crate) fn validate_transaction(writes: &[Write]) -> Result<(), StoreError> {
    if writes.len() > MAX_TRANSACTION_WRITES {
        return Err(StoreError::InvalidRequest(format!(
            "a transaction takes at most {MAX_TRANSACTION_WRITES} writes, got {}",
            writes.len()
        )));
    }
    let mut seen = HashSet::with_capacity(writes.len());
    for (index, write) in writes.iter().enumerate() {
        validate_write(write)?;
        let key = write_key(write);
        if !seen.insert(key) {
            return Err(StoreError::InvalidRequest(format!(
                "write {index} touches {}/{} a second time in one transaction",
                key.pk, key.sk
            )));
        }
    }
    Ok(())
}

/// Refuses queries neither backend can run. Returns `false` when the query can only be empty
/// (a `Between` whose ends are reversed, which DynamoDB would reject instead).
pub(crate) fn validate_query(query: &Query) -> Result<bool, StoreError> {
    if query.limit == 0 {
        return Err(StoreError::InvalidRequest("query limit must be at least 1".into()));
    }
    if query.pk.is_empty() {
        return Err(StoreError::InvalidRequest("query partition key is empty".into()));
    }
    if let SortRange::Between(low, high) = &query.range {
        if low.is_empty() || high.is_empty() {
            return Err(StoreError::InvalidRequest("query range ends must not be empty".into()));
        }
        return Ok(low <= high);
    }
    Ok(true)
}

/// The attribute names of an index's partition and sort key.
pub(crate) fn index_key_names(index: Index) -> (&'static str, &'static str) {
    match index {
        Index::Table => (schema::PK, schema::SK),
        Index::Gsi1 => (schema::GSI1_PK, schema::GSI1_SK),
        Index::Gsi2 => (schema::GSI2_PK, schema::GSI2_SK),
    }
}

/// The position of an item in a query: the attributes DynamoDB puts in `LastEvaluatedKey`
/// (the index key plus, for a GSI, the table key), as strings.
pub(crate) type CursorKey = BTreeMap<String, String>;

/// The attribute names a cursor for this index must carry, no more and no fewer.
fn cursor_names(index: Index) -> Vec<&'static str> {
    let (pk, sk) = index_key_names(index);
    let mut names = vec![pk, sk];
    if index != Index::Table {
        names.push(schema::PK);
        names.push(schema::SK);
    }
    names.sort_unstable();
    names
}

/// The cursor position of `item` in `index`.
pub(crate) fn cursor_key_of(item: &Item, index: Index) -> CursorKey {
    let mut key = CursorKey::new();
    key.insert(schema::PK.into(), item.key.pk.clone());
    key.insert(schema::SK.into(), item.key.sk.clone());
    let gsi = match index {
        Index::Table => None,
        Index::Gsi1 => item.gsi1.as_ref().map(|k| (schema::GSI1_PK, schema::GSI1_SK, k)),
        Index::Gsi2 => item.gsi2.as_ref().map(|k| (schema::GSI2_PK, schema::GSI2_SK, k)),
    };
    if let Some((pk, sk, gsi_key)) = gsi {
        key.insert(pk.into(), gsi_key.pk.clone());
        key.insert(sk.into(), gsi_key.sk.clone());
    }
    key
}

/// The opaque cursor: base64url (no padding) of the JSON of the position.
pub(crate) fn encode_cursor(key: &CursorKey) -> String {
    let json = serde_json::to_vec(key).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(json)
}

/// Decodes a cursor and checks that it belongs to this query: the right index and the same
/// partition key. A client can send anything, so a mismatch is a bad request, not a panic.
pub(crate) fn decode_cursor(cursor: &str, query: &Query) -> Result<CursorKey, StoreError> {
    let bad = |why: &str| StoreError::InvalidRequest(format!("bad cursor: {why}"));
    let json = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad("not base64url"))?;
    let key: CursorKey = serde_json::from_slice(&json).map_err(|_| bad("not a key"))?;
    let names: Vec<&str> = key.keys().map(String::as_str).collect();
    if names != cursor_names(query.index) {
        return Err(bad("made for another index"));
    }
    let (pk_name, _) = index_key_names(query.index);
    if key.get(pk_name) != Some(&query.pk) {
        return Err(bad("made for another partition"));
    }
    if key.values().any(String::is_empty) {
        return Err(bad("empty key part"));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(version: u64, expires_at: Option<i64>) -> Item {
        let mut item = Item::new(Key::new("P", "S"), json!({})).with_version(version);
        item.expires_at = expires_at;
        item
    }

    #[test]
    fn expired_items_fail_exists_and_pass_not_exists() {
        let dead = item(3, Some(100));
        assert!(condition_holds(Condition::NotExists, Some(&dead), 100));
        assert!(!condition_holds(Condition::Exists, Some(&dead), 100));
        assert!(!condition_holds(Condition::VersionIs(3), Some(&dead), 100));
        let alive = item(3, Some(101));
        assert!(condition_holds(Condition::VersionIs(3), Some(&alive), 100));
        assert!(!condition_holds(Condition::VersionIs(2), Some(&alive), 100));
        assert!(!condition_holds(Condition::NotExists, Some(&alive), 100));
    }

    #[test]
    fn cursor_round_trips_and_refuses_foreign_partitions() {
        let stored = item(1, None).with_gsi1(Key::new("G", "g1"));
        let mut query = Query::new(Index::Gsi1, "G");
        let cursor = encode_cursor(&cursor_key_of(&stored, Index::Gsi1));
        assert_eq!(decode_cursor(&cursor, &query).unwrap()["gsi1sk"], "g1");
        query.pk = "H".into();
        assert!(matches!(
            decode_cursor(&cursor, &query),
            Err(StoreError::InvalidRequest(_))
        ));
        let table_query = Query::new(Index::Table, "P");
        assert!(matches!(
            decode_cursor(&cursor, &table_query),
            Err(StoreError::InvalidRequest(_))
        ));
        assert!(matches!(
            decode_cursor("%%%", &table_query),
            Err(StoreError::InvalidRequest(_))
        ));
    }
}
