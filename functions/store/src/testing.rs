//! Test doubles for other crates' tests (cargo feature `testing`).
//!
//! [`FaultInjectingStore`] wraps any store. It can make the next few transactions fail the way
//! DynamoDB fails under contention or throttling, to exercise retry paths that real backends
//! only hit under load; and it counts operations by kind, so a test can assert that a request
//! costs O(1) storage operations however big the table is.

use crate::{Item, Key, Query, QueryPage, SharedStore, Store, StoreError, Write};
use async_trait::async_trait;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// A failure [`FaultInjectingStore`] can inject into `transact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// [`StoreError::TransactionConflict`]
    TransactionConflict,
    /// [`StoreError::Unavailable`]
    Unavailable,
}

impl Fault {
    fn error(self) -> StoreError {
        match self {
            Fault::TransactionConflict => StoreError::TransactionConflict,
            Fault::Unavailable => StoreError::Unavailable("injected fault".into()),
        }
    }
}

/// How many operations of each kind reached the store (injected failures included: a retried
/// request really does pay for every attempt).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpCounts {
    pub gets: u64,
    pub writes: u64,
    pub transacts: u64,
    pub queries: u64,
}

impl OpCounts {
    /// All operations together.
    pub fn total(&self) -> u64 {
        self.gets + self.writes + self.transacts + self.queries
    }
}

/// A store that forwards to another, failing `transact` calls on request and counting calls.
pub struct FaultInjectingStore {
    inner: SharedStore,
    faults: Mutex<VecDeque<Fault>>,
    gets: AtomicU64,
    writes: AtomicU64,
    transacts: AtomicU64,
    queries: AtomicU64,
}

impl FaultInjectingStore {
    /// Wraps `inner`; no faults queued, all counts zero.
    pub fn new(inner: SharedStore) -> Self {
        Self {
            inner,
            faults: Mutex::new(VecDeque::new()),
            gets: AtomicU64::new(0),
            writes: AtomicU64::new(0),
            transacts: AtomicU64::new(0),
            queries: AtomicU64::new(0),
        }
    }

    /// Makes the next `times` calls to `transact` fail with `fault` without reaching the inner
    /// store. Queues behind faults already pending.
    pub fn fail_next_transacts(&self, times: usize, fault: Fault) {
        let mut faults = self.faults.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        faults.extend(std::iter::repeat_n(fault, times));
    }

    /// Faults queued but not yet delivered.
    pub fn pending_faults(&self) -> usize {
        self.faults
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    /// Operations counted so far.
    pub fn counts(&self) -> OpCounts {
        OpCounts {
            gets: self.gets.load(Ordering::SeqCst),
            writes: self.writes.load(Ordering::SeqCst),
            transacts: self.transacts.load(Ordering::SeqCst),
            queries: self.queries.load(Ordering::SeqCst),
        }
    }

    /// Sets every count back to zero, for example after seeding data.
    pub fn reset_counts(&self) {
        for counter in [&self.gets, &self.writes, &self.transacts, &self.queries] {
            counter.store(0, Ordering::SeqCst);
        }
    }

    fn next_fault(&self) -> Option<Fault> {
        self.faults
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop_front()
    }
}

#[async_trait]
impl Store for FaultInjectingStore {
    async fn get(&self, key: &Key) -> Result<Option<Item>, StoreError> {
        self.gets.fetch_add(1, Ordering::SeqCst);
        self.inner.get(key).await
    }

    async fn write(&self, write: Write) -> Result<(), StoreError> {
        self.writes.fetch_add(1, Ordering::SeqCst);
        self.inner.write(write).await
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.transacts.fetch_add(1, Ordering::SeqCst);
        if let Some(fault) = self.next_fault() {
            return Err(fault.error());
        }
        self.inner.transact(writes).await
    }

    async fn query(&self, query: Query) -> Result<QueryPage, StoreError> {
        self.queries.fetch_add(1, Ordering::SeqCst);
        self.inner.query(query).await
    }

    fn backend_name(&self) -> &'static str {
        self.inner.backend_name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::EmbeddedStore;
    use crate::Condition;
    use std::sync::Arc;

    #[tokio::test]
    async fn injected_faults_fail_in_order_then_pass_through_and_everything_is_counted() {
        let dir = std::env::temp_dir().join(format!("daftar-store-fault-{}", std::process::id()));
        let inner: SharedStore = Arc::new(EmbeddedStore::open(&dir).unwrap());
        let store = FaultInjectingStore::new(inner);
        store.fail_next_transacts(1, Fault::TransactionConflict);
        store.fail_next_transacts(1, Fault::Unavailable);
        let put = || {
            vec![Write::Put {
                item: Item::new(Key::new("A", "B"), serde_json::json!(1)),
                condition: Condition::None,
            }]
        };

        assert!(matches!(
            store.transact(put()).await,
            Err(StoreError::TransactionConflict)
        ));
        assert!(matches!(store.transact(put()).await, Err(StoreError::Unavailable(_))));
        assert_eq!(store.pending_faults(), 0);
        assert!(
            store.get(&Key::new("A", "B")).await.unwrap().is_none(),
            "faulted transactions must not write"
        );
        store.transact(put()).await.unwrap();
        assert!(store.get(&Key::new("A", "B")).await.unwrap().is_some());
        store
            .write(Write::Delete {
                key: Key::new("A", "B"),
                condition: Condition::Exists,
            })
            .await
            .unwrap();
        store.query(Query::new(crate::Index::Table, "A")).await.unwrap();

        assert_eq!(
            store.counts(),
            OpCounts {
                gets: 2,
                writes: 1,
                transacts: 3,
                queries: 1
            }
        );
        assert_eq!(store.counts().total(), 7);
        store.reset_counts();
        assert_eq!(store.counts(), OpCounts::default());
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
