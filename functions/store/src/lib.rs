//! The Store: one narrow single-table interface that every domain writes through.
//!
//! Items live in one table keyed by `pk`/`sk`, with two overloaded secondary indexes
//! (`gsi1pk`/`gsi1sk`, `gsi2pk`/`gsi2sk`). Every operation is O(1) in table size: a get, a
//! conditional write, a transaction of a few writes, or a query on one partition key. There is
//! deliberately no scan. Two backends implement it with the same semantics: [`dynamo::DynamoStore`]
//! for production and [`embedded::EmbeddedStore`] (redb, one data folder) for the local run; one
//! contract test suite (`tests/contract.rs`) holds both to it.

mod common;
pub mod dynamo;
pub mod embedded;
pub mod schema;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The primary key of an item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Key {
    pub pk: String,
    pub sk: String,
}

impl Key {
    pub fn new(pk: impl Into<String>, sk: impl Into<String>) -> Self {
        Self {
            pk: pk.into(),
            sk: sk.into(),
        }
    }
}

/// One stored item.
///
/// `body` is the domain record as JSON; the store never looks inside it. `version` is what
/// conditional writes compare. `count` is the only attribute updated in place (see
/// [`Write::Increment`]), for counters that many writers bump without reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub key: Key,
    pub gsi1: Option<Key>,
    pub gsi2: Option<Key>,
    pub version: u64,
    pub count: i64,
    /// Unix seconds after which the item is dead: DynamoDB's TTL deletes it eventually, and
    /// both backends hide it from reads at once.
    pub expires_at: Option<i64>,
    pub body: serde_json::Value,
}

impl Item {
    /// A new item with version 1, no index keys, no expiry and a zero count.
    pub fn new(key: Key, body: serde_json::Value) -> Self {
        Self {
            key,
            gsi1: None,
            gsi2: None,
            version: 1,
            count: 0,
            expires_at: None,
            body,
        }
    }

    pub fn with_gsi1(mut self, key: Key) -> Self {
        self.gsi1 = Some(key);
        self
    }

    pub fn with_gsi2(mut self, key: Key) -> Self {
        self.gsi2 = Some(key);
        self
    }

    pub fn with_version(mut self, version: u64) -> Self {
        self.version = version;
        self
    }

    pub fn expiring_at(mut self, unix_seconds: i64) -> Self {
        self.expires_at = Some(unix_seconds);
        self
    }

    /// Decodes the body into a domain record.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, StoreError> {
        serde_json::from_value(self.body.clone())
            .map_err(|e| StoreError::Corrupt(format!("{}/{}: {e}", self.key.pk, self.key.sk)))
    }
}

/// What must be true of the stored item for a write to go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Write regardless.
    None,
    /// No live item has this key.
    NotExists,
    /// A live item has this key.
    Exists,
    /// A live item has this key with exactly this version.
    VersionIs(u64),
}

/// One write, alone or in a transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Replace the whole item.
    Put { item: Item, condition: Condition },
    /// Remove the item.
    Delete { key: Key, condition: Condition },
    /// Add `by` to the item's `count`, creating the item with count `by` (and version 1) if absent.
    Increment { key: Key, by: i64 },
    /// Write nothing, but fail the transaction unless the condition holds.
    Check { key: Key, condition: Condition },
}

/// Which key a query runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    Table,
    Gsi1,
    Gsi2,
}

/// Which sort keys a query returns, within one partition key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortRange {
    All,
    Prefix(String),
    /// Inclusive at both ends.
    Between(String, String),
}

/// A query on one partition key of the table or of an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub index: Index,
    pub pk: String,
    pub range: SortRange,
    /// `false` returns the highest sort keys first (newest first, for time-ordered keys).
    pub ascending: bool,
    pub limit: u32,
    /// An opaque cursor from the previous page's [`QueryPage::next`].
    pub cursor: Option<String>,
}

impl Query {
    pub fn new(index: Index, pk: impl Into<String>) -> Self {
        Self {
            index,
            pk: pk.into(),
            range: SortRange::All,
            ascending: true,
            limit: 100,
            cursor: None,
        }
    }
}

/// One page of query results.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryPage {
    pub items: Vec<Item>,
    /// Present when more items may follow; pass it back as [`Query::cursor`].
    pub next: Option<String>,
}

/// The largest transaction either backend accepts (DynamoDB's limit).
pub const MAX_TRANSACTION_WRITES: usize = 100;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A condition failed. `index` is the position of the failing write in a transaction (0
    /// for a single write) and `current` the item as it is now, if it exists.
    #[error("condition failed on write {index}")]
    ConditionFailed { index: usize, current: Option<Box<Item>> },
    /// Another transaction touched the same items at the same moment; retrying may succeed.
    #[error("transaction conflict")]
    TransactionConflict,
    /// The backend is throttling or unreachable; retrying later may succeed.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// The request itself is wrong (too many writes, the same item twice, a bad cursor).
    #[error("invalid store request: {0}")]
    InvalidRequest(String),
    /// Stored data could not be decoded.
    #[error("corrupt item: {0}")]
    Corrupt(String),
    #[error("store backend error: {0}")]
    Backend(String),
}

/// The single-table interface.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Reads one item; expired items read as absent. Strongly consistent.
    async fn get(&self, key: &Key) -> Result<Option<Item>, StoreError>;

    /// One conditional write.
    async fn write(&self, write: Write) -> Result<(), StoreError>;

    /// Several writes that all happen or none do. At most [`MAX_TRANSACTION_WRITES`], each on a
    /// different item.
    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError>;

    /// Items under one partition key, in sort-key order, one page at a time. Index queries may
    /// lag the table briefly on DynamoDB; read your own writes from the table.
    async fn query(&self, query: Query) -> Result<QueryPage, StoreError>;

    /// A short name for health checks and logs.
    fn backend_name(&self) -> &'static str;
}

/// The store as request handlers hold it.
pub type SharedStore = Arc<dyn Store>;
