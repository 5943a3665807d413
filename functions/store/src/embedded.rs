//! The embedded backend: one redb file (`daftar.redb`) in a data folder, for the local run.
//!
//! Layout inside the file:
//! - `items`: `(pk, sk)` → the JSON of the whole [`Item`];
//! - `gsi1`, `gsi2`: `(gsipk, gsisk, pk, sk)` → `()`, kept in step with `items` inside the same
//!   write transaction on every put, overwrite, increment and delete, so an index query sees
//!   exactly the live items, in the same order DynamoDB returns them.
//!
//! Every store transaction is one redb write transaction: all conditions are checked first,
//! then all writes applied, then the transaction commits, so it is all or nothing. redb lets one
//! writer in at a time, which is what makes version checks and increments race-free here; reads
//! run on snapshots and never wait for writers. redb is blocking, so every operation runs on
//! Tokio's blocking pool.
//!
//! Expired items stay in the file until overwritten or deleted (there is no sweeper: a local
//! store stays small), but every read and every condition treats them as absent, as on DynamoDB.

use crate::common::{
    condition_holds, cursor_key_of, decode_cursor, encode_cursor, is_expired, now_unix, validate_query,
    validate_transaction, validate_write, write_key, CursorKey,
};
use crate::{schema, Condition, Index, Item, Key, Query, QueryPage, SortRange, Store, StoreError, Write};
use async_trait::async_trait;
use redb::{Database, ReadableTable, TableDefinition};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The name of the database file inside the data folder.
pub const FILE_NAME: &str = "daftar.redb";

const ITEMS: TableDefinition<(&str, &str), &str> = TableDefinition::new("items");
const GSI1: TableDefinition<(&str, &str, &str, &str), ()> = TableDefinition::new(schema::GSI1);
const GSI2: TableDefinition<(&str, &str, &str, &str), ()> = TableDefinition::new(schema::GSI2);

/// The store on a local redb file. Cheap to clone; clones share the open database.
#[derive(Clone)]
pub struct EmbeddedStore {
    db: Arc<Database>,
    path: PathBuf,
}

impl std::fmt::Debug for EmbeddedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedStore").field("path", &self.path).finish()
    }
}

fn backend(what: &str) -> impl Fn(redb::Error) -> StoreError + '_ {
    move |error| StoreError::Backend(format!("embedded store: {what}: {error}"))
}

fn redb_err<E: Into<redb::Error>>(what: &'static str) -> impl Fn(E) -> StoreError {
    move |error| backend(what)(error.into())
}

impl EmbeddedStore {
    /// Opens the store in `dir`, creating the folder, the file and its tables if missing.
    ///
    /// This blocks (file I/O and a file lock); call it at startup, not on a request path. Only one
    /// process can hold the file open at a time.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Backend(format!("embedded store: creating {}: {e}", dir.display())))?;
        let path = dir.join(FILE_NAME);
        let db = Database::create(&path).map_err(redb_err("opening the database file"))?;
        // Creating the tables up front lets read transactions open them without a special case
        // for a brand-new file.
        let txn = db.begin_write().map_err(redb_err("starting a write"))?;
        {
            txn.open_table(ITEMS).map_err(redb_err("creating tables"))?;
            txn.open_table(GSI1).map_err(redb_err("creating tables"))?;
            txn.open_table(GSI2).map_err(redb_err("creating tables"))?;
        }
        txn.commit().map_err(redb_err("creating tables"))?;
        Ok(Self { db: Arc::new(db), path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn blocking<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Database) -> Result<T, StoreError> + Send + 'static,
    {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || work(&db))
            .await
            .map_err(|e| StoreError::Backend(format!("embedded store task failed: {e}")))?
    }
}

fn decode(json: &str) -> Result<Item, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("embedded item: {e}")))
}

fn encode(item: &Item) -> Result<String, StoreError> {
    serde_json::to_string(item).map_err(|e| StoreError::Backend(format!("encoding item: {e}")))
}

/// The stored item under `key`, expired or not.
fn load<T: ReadableTable<(&'static str, &'static str), &'static str>>(
    items: &T,
    key: &Key,
) -> Result<Option<Item>, StoreError> {
    match items
        .get((key.pk.as_str(), key.sk.as_str()))
        .map_err(redb_err("reading an item"))?
    {
        Some(json) => decode(json.value()).map(Some),
        None => Ok(None),
    }
}

type IndexTable<'txn> = redb::Table<'txn, (&'static str, &'static str, &'static str, &'static str), ()>;

/// The open tables of one write transaction.
struct Tables<'txn> {
    items: redb::Table<'txn, (&'static str, &'static str), &'static str>,
    gsi1: IndexTable<'txn>,
    gsi2: IndexTable<'txn>,
}

impl Tables<'_> {
    fn unindex(&mut self, item: &Item) -> Result<(), StoreError> {
        let key = &item.key;
        if let Some(g) = &item.gsi1 {
            self.gsi1
                .remove((g.pk.as_str(), g.sk.as_str(), key.pk.as_str(), key.sk.as_str()))
                .map_err(redb_err("updating gsi1"))?;
        }
        if let Some(g) = &item.gsi2 {
            self.gsi2
                .remove((g.pk.as_str(), g.sk.as_str(), key.pk.as_str(), key.sk.as_str()))
                .map_err(redb_err("updating gsi2"))?;
        }
        Ok(())
    }

    /// Stores `item`, replacing `previous` (the stored item under the same key, if any) and its
    /// index entries.
    fn put(&mut self, item: &Item, previous: Option<&Item>) -> Result<(), StoreError> {
        if let Some(previous) = previous {
            self.unindex(previous)?;
        }
        let key = &item.key;
        self.items
            .insert((key.pk.as_str(), key.sk.as_str()), encode(item)?.as_str())
            .map_err(redb_err("writing an item"))?;
        if let Some(g) = &item.gsi1 {
            self.gsi1
                .insert((g.pk.as_str(), g.sk.as_str(), key.pk.as_str(), key.sk.as_str()), ())
                .map_err(redb_err("updating gsi1"))?;
        }
        if let Some(g) = &item.gsi2 {
            self.gsi2
                .insert((g.pk.as_str(), g.sk.as_str(), key.pk.as_str(), key.sk.as_str()), ())
                .map_err(redb_err("updating gsi2"))?;
        }
        Ok(())
    }

    fn delete(&mut self, previous: &Item) -> Result<(), StoreError> {
        self.unindex(previous)?;
        self.items
            .remove((previous.key.pk.as_str(), previous.key.sk.as_str()))
            .map_err(redb_err("deleting an item"))?;
        Ok(())
    }
}

fn condition_of(write: &Write) -> Condition {
    match write {
        Write::Put { condition, .. } | Write::Delete { condition, .. } | Write::Check { condition, .. } => *condition,
        Write::Increment { .. } => Condition::None,
    }
}

/// Checks every condition, then applies every write; the caller commits only on `Ok`.
fn apply(tables: &mut Tables<'_>, writes: Vec<Write>, now: i64) -> Result<(), StoreError> {
    let mut stored = Vec::with_capacity(writes.len());
    for (index, write) in writes.iter().enumerate() {
        let current = load(&tables.items, write_key(write))?;
        if !condition_holds(condition_of(write), current.as_ref(), now) {
            let current = current.filter(|item| !is_expired(item.expires_at, now)).map(Box::new);
            return Err(StoreError::ConditionFailed { index, current });
        }
        stored.push(current);
    }
    for (write, previous) in writes.into_iter().zip(stored) {
        match write {
            Write::Put { item, .. } => tables.put(&item, previous.as_ref())?,
            Write::Delete { .. } => {
                if let Some(previous) = previous {
                    tables.delete(&previous)?;
                }
            }
            Write::Increment { key, by } => {
                let next = match previous.as_ref().filter(|item| !is_expired(item.expires_at, now)) {
                    Some(live) => {
                        let mut next = live.clone();
                        next.count = live.count.checked_add(by).ok_or_else(|| {
                            StoreError::InvalidRequest(format!("counter {}/{} would overflow", key.pk, key.sk))
                        })?;
                        next
                    }
                    // Absent or expired: a fresh counter, as DynamoDB's ADD on a missing item.
                    None => Item {
                        count: by,
                        ..Item::new(key, serde_json::Value::Null)
                    },
                };
                tables.put(&next, previous.as_ref())?;
            }
            Write::Check { .. } => {}
        }
    }
    Ok(())
}

fn transact_blocking(db: &Database, writes: Vec<Write>) -> Result<(), StoreError> {
    let now = now_unix();
    let txn = db.begin_write().map_err(redb_err("starting a write"))?;
    let outcome = (|| {
        let mut tables = Tables {
            items: txn.open_table(ITEMS).map_err(redb_err("opening items"))?,
            gsi1: txn.open_table(GSI1).map_err(redb_err("opening gsi1"))?,
            gsi2: txn.open_table(GSI2).map_err(redb_err("opening gsi2"))?,
        };
        apply(&mut tables, writes, now)
    })();
    match outcome {
        Ok(()) => txn.commit().map_err(redb_err("committing")),
        Err(error) => {
            txn.abort().map_err(redb_err("aborting"))?;
            Err(error)
        }
    }
}

/// A position in an index's key space: `[pk, sk]` for the table, `[gsipk, gsisk, pk, sk]` for
/// an index. Comparing these vectors orders them exactly as redb orders the tuple keys.
type Position = Vec<String>;

/// The smallest string greater than every string that starts with `prefix`, if there is one.
fn prefix_successor(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let mut next = last as u32 + 1;
        if (0xD800..=0xDFFF).contains(&next) {
            next = 0xE000;
        }
        if let Some(next) = char::from_u32(next) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// The range of positions a query covers, before any cursor.
fn query_bounds(query: &Query) -> (Bound<Position>, Bound<Position>) {
    let padding = if query.index == Index::Table { 0 } else { 2 };
    let at = |pk: &str, sk: &str| {
        let mut position = vec![pk.to_owned(), sk.to_owned()];
        position.resize(2 + padding, String::new());
        position
    };
    // "\0" appended gives the next string in order, so this excludes exactly the partition.
    let partition_end = Bound::Excluded(at(&format!("{}\0", query.pk), ""));
    match &query.range {
        SortRange::All => (Bound::Included(at(&query.pk, "")), partition_end),
        SortRange::Prefix(prefix) => {
            let upper = prefix_successor(prefix)
                .map(|s| Bound::Excluded(at(&query.pk, &s)))
                .unwrap_or(partition_end);
            (Bound::Included(at(&query.pk, prefix)), upper)
        }
        SortRange::Between(low, high) => {
            let upper = if padding == 0 {
                Bound::Included(at(&query.pk, high))
            } else {
                // Every table key under an index sort key equal to `high`.
                Bound::Excluded(at(&query.pk, &format!("{high}\0")))
            };
            (Bound::Included(at(&query.pk, low)), upper)
        }
    }
}

fn bound_value(bound: &Bound<Position>) -> Option<&Position> {
    match bound {
        Bound::Included(p) | Bound::Excluded(p) => Some(p),
        Bound::Unbounded => None,
    }
}

/// Narrows the query's range to what lies strictly after the cursor in the query's direction.
/// Returns `None` when nothing is left.
fn narrow(
    (mut lower, mut upper): (Bound<Position>, Bound<Position>),
    cursor: Option<Position>,
    ascending: bool,
) -> Option<(Bound<Position>, Bound<Position>)> {
    if let Some(cursor) = cursor {
        if ascending {
            if bound_value(&lower).is_none_or(|low| &cursor >= low) {
                lower = Bound::Excluded(cursor);
            }
        } else if bound_value(&upper).is_none_or(|high| &cursor <= high) {
            upper = Bound::Excluded(cursor);
        }
    }
    // redb, like BTreeMap, must not be asked for a range whose start lies after its end.
    let empty = match (&lower, &upper) {
        (Bound::Included(l), Bound::Included(u)) => l > u,
        (Bound::Included(l) | Bound::Excluded(l), Bound::Included(u) | Bound::Excluded(u)) => l >= u,
        _ => false,
    };
    (!empty).then_some((lower, upper))
}

fn position_of(cursor: &CursorKey, index: Index) -> Position {
    let (pk, sk) = crate::common::index_key_names(index);
    let mut names = vec![pk, sk];
    if index != Index::Table {
        names.extend([schema::PK, schema::SK]);
    }
    names
        .into_iter()
        .map(|name| cursor.get(name).cloned().unwrap_or_default())
        .collect()
}

fn as_pair(p: &Position) -> (&str, &str) {
    (p[0].as_str(), p[1].as_str())
}

fn as_quad(p: &Position) -> (&str, &str, &str, &str) {
    (p[0].as_str(), p[1].as_str(), p[2].as_str(), p[3].as_str())
}

fn map_bound<'a, T>(bound: &'a Bound<Position>, f: impl Fn(&'a Position) -> T) -> Bound<T> {
    match bound {
        Bound::Included(p) => Bound::Included(f(p)),
        Bound::Excluded(p) => Bound::Excluded(f(p)),
        Bound::Unbounded => Bound::Unbounded,
    }
}

fn query_blocking(db: &Database, query: Query) -> Result<QueryPage, StoreError> {
    let empty = QueryPage {
        items: Vec::new(),
        next: None,
    };
    if !validate_query(&query)? {
        return Ok(empty);
    }
    let cursor = query.cursor.as_deref().map(|c| decode_cursor(c, &query)).transpose()?;
    let cursor = cursor.map(|c| position_of(&c, query.index));
    let Some((lower, upper)) = narrow(query_bounds(&query), cursor, query.ascending) else {
        return Ok(empty);
    };
    let now = now_unix();
    let limit = query.limit as usize;
    let txn = db.begin_read().map_err(redb_err("starting a read"))?;
    let items = txn.open_table(ITEMS).map_err(redb_err("opening items"))?;
    // One more live item than asked for tells whether another page exists, so the last page
    // never hands out a cursor that leads nowhere.
    let mut found: Vec<Item> = Vec::with_capacity(limit + 1);
    let mut keep = |item: Item| {
        if !is_expired(item.expires_at, now) {
            found.push(item);
        }
        found.len() > limit
    };
    match query.index {
        Index::Table => {
            let range = items
                .range::<(&str, &str)>((map_bound(&lower, as_pair), map_bound(&upper, as_pair)))
                .map_err(redb_err("querying items"))?;
            let entries: Box<dyn Iterator<Item = _>> = if query.ascending {
                Box::new(range)
            } else {
                Box::new(range.rev())
            };
            for entry in entries {
                let (_, json) = entry.map_err(redb_err("querying items"))?;
                if keep(decode(json.value())?) {
                    break;
                }
            }
        }
        Index::Gsi1 | Index::Gsi2 => {
            let definition = if query.index == Index::Gsi1 { GSI1 } else { GSI2 };
            let index = txn.open_table(definition).map_err(redb_err("opening an index"))?;
            let range = index
                .range::<(&str, &str, &str, &str)>((map_bound(&lower, as_quad), map_bound(&upper, as_quad)))
                .map_err(redb_err("querying an index"))?;
            let entries: Box<dyn Iterator<Item = _>> = if query.ascending {
                Box::new(range)
            } else {
                Box::new(range.rev())
            };
            for entry in entries {
                let (key, _) = entry.map_err(redb_err("querying an index"))?;
                let (_, _, pk, sk) = key.value();
                let Some(item) = load(&items, &Key::new(pk, sk))? else {
                    return Err(StoreError::Corrupt(format!("index entry for missing item {pk}/{sk}")));
                };
                if keep(item) {
                    break;
                }
            }
        }
    }
    let next = if found.len() > limit {
        found.truncate(limit);
        found
            .last()
            .map(|last| encode_cursor(&cursor_key_of(last, query.index)))
    } else {
        None
    };
    Ok(QueryPage { items: found, next })
}

#[async_trait]
impl Store for EmbeddedStore {
    async fn get(&self, key: &Key) -> Result<Option<Item>, StoreError> {
        let key = key.clone();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(redb_err("starting a read"))?;
            let items = txn.open_table(ITEMS).map_err(redb_err("opening items"))?;
            let now = now_unix();
            Ok(load(&items, &key)?.filter(|item| !is_expired(item.expires_at, now)))
        })
        .await
    }

    async fn write(&self, write: Write) -> Result<(), StoreError> {
        validate_write(&write)?;
        self.blocking(move |db| transact_blocking(db, vec![write])).await
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        validate_transaction(&writes)?;
        if writes.is_empty() {
            return Ok(());
        }
        self.blocking(move |db| transact_blocking(db, writes)).await
    }

    async fn query(&self, query: Query) -> Result<QueryPage, StoreError> {
        self.blocking(move |db| query_blocking(db, query)).await
    }

    fn backend_name(&self) -> &'static str {
        "embedded"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_successor_bounds_exactly_the_prefixed_strings() {
        assert_eq!(prefix_successor("R#").as_deref(), Some("R$"));
        assert_eq!(prefix_successor("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(prefix_successor("\u{D7FF}").as_deref(), Some("\u{E000}"));
        assert_eq!(prefix_successor("\u{10FFFF}"), None);
        assert_eq!(prefix_successor(""), None);
    }

    #[test]
    fn a_cursor_outside_the_range_leaves_nothing() {
        let mut query = Query::new(Index::Table, "P");
        query.range = SortRange::Between("b".into(), "c".into());
        let after_end = vec!["P".to_owned(), "d".to_owned()];
        assert!(narrow(query_bounds(&query), Some(after_end.clone()), true).is_none());
        let before_start = vec!["P".to_owned(), "a".to_owned()];
        assert!(narrow(query_bounds(&query), Some(before_start), false).is_none());
        assert!(narrow(query_bounds(&query), Some(after_end), false).is_some());
    }
}
