//! The store contract: one suite, run against every backend.
//!
//! Each contract is an `async fn(SharedStore)`; the `contract!` macro turns each into one test
//! per backend (`embedded::name`, `dynamodb::name`), each on fresh storage: a new temporary
//! folder, or a new uniquely named DynamoDB table. The DynamoDB tests run when
//! `AWS_ENDPOINT_URL_DYNAMODB` is set (`scripts/with-dynamodb-local.sh` sets it) and are
//! skipped otherwise, unless `DAFTAR_REQUIRE_DYNAMODB=1`, in which case a missing endpoint
//! fails them: a green run must not quietly have tested only one backend.

use daftar_store::dynamo::DynamoStore;
use daftar_store::embedded::EmbeddedStore;
use daftar_store::{
    Condition, Index, Item, Key, Query, QueryPage, SharedStore, SortRange, StoreError, Write, MAX_TRANSACTION_WRITES,
};
use serde_json::json;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

// ---------------------------------------------------------------------------------------------
// Fixtures

/// Fresh storage for one test; removes its folder afterwards.
struct Fixture {
    store: SharedStore,
    dir: Option<PathBuf>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            // Best effort: a leftover temp folder is harmless, a panic in drop is not.
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn unique(name: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{}-{}-{}-{nanos}",
        name.replace('_', "-"),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

fn embedded_fixture(name: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("daftar-store-contract-{}", unique(name)));
    let store = EmbeddedStore::open(&dir).expect("open embedded store");
    Fixture {
        store: Arc::new(store),
        dir: Some(dir),
    }
}

async fn dynamodb_fixture(name: &str) -> Option<Fixture> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL_DYNAMODB").unwrap_or_default();
    if endpoint.is_empty() {
        if std::env::var("DAFTAR_REQUIRE_DYNAMODB").as_deref() == Ok("1") {
            panic!("DAFTAR_REQUIRE_DYNAMODB=1 but AWS_ENDPOINT_URL_DYNAMODB is not set");
        }
        eprintln!("skipping DynamoDB contract test {name}: AWS_ENDPOINT_URL_DYNAMODB is not set");
        return None;
    }
    // Table names allow at most 255 characters of [A-Za-z0-9_.-].
    let table: String = format!("daftar-contract-{}", unique(name)).chars().take(255).collect();
    let store = DynamoStore::from_env(table).await;
    store
        .create_table_if_missing()
        .await
        .expect("create DynamoDB test table");
    Some(Fixture {
        store: Arc::new(store),
        dir: None,
    })
}

/// One test per contract and backend.
macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let fixture = super::embedded_fixture(stringify!($name));
                    super::$name(fixture.store.clone()).await;
                }
            )*
        }
        mod dynamodb {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    if let Some(fixture) = super::dynamodb_fixture(stringify!($name)).await {
                        super::$name(fixture.store.clone()).await;
                    }
                }
            )*
        }
    };
}

contract!(
    get_reads_missing_and_present_items,
    put_conditions_hold_and_fail_with_the_current_item,
    version_race_has_exactly_one_winner,
    delete_conditions,
    increment_creates_and_adds,
    concurrent_increments_sum_exactly,
    transaction_is_all_or_nothing_and_reports_the_failing_index,
    transaction_applies_every_kind_of_write,
    transaction_refuses_duplicate_keys_and_more_than_the_limit,
    check_writes_gate_transactions,
    table_queries_respect_ranges_and_direction,
    gsi_queries_respect_ranges_and_direction,
    pagination_returns_every_item_once_in_order,
    bad_cursors_are_invalid_requests,
    index_entries_follow_overwrites_and_deletes,
    expired_items_are_absent,
    gap_free_counter_under_concurrency,
);

// ---------------------------------------------------------------------------------------------
// Helpers

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn put(item: Item, condition: Condition) -> Write {
    Write::Put { item, condition }
}

fn item(pk: &str, sk: &str, body: serde_json::Value) -> Item {
    Item::new(Key::new(pk, sk), body)
}

/// Asserts a condition failure at `index` and returns the current item it carried.
#[track_caller]
fn condition_failed(result: Result<(), StoreError>, index: usize) -> Option<Item> {
    match result {
        Err(StoreError::ConditionFailed { index: got, current }) => {
            assert_eq!(got, index, "failing write index");
            current.map(|item| *item)
        }
        other => panic!("expected ConditionFailed at {index}, got {other:?}"),
    }
}

fn sort_keys(page: &QueryPage) -> Vec<String> {
    page.items.iter().map(|item| item.key.sk.clone()).collect()
}

fn query(index: Index, pk: &str, range: SortRange, ascending: bool) -> Query {
    Query {
        range,
        ascending,
        ..Query::new(index, pk)
    }
}

/// Every page of a query, following cursors, with a bound so a cursor bug cannot loop forever.
async fn all_pages(store: &SharedStore, mut q: Query) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    for pages in 1..=1000 {
        let page = store.query(q.clone()).await.expect("query");
        assert!(page.items.len() <= q.limit as usize, "page larger than the limit");
        items.extend(page.items);
        match page.next {
            Some(cursor) => q.cursor = Some(cursor),
            None => return (items, pages),
        }
    }
    panic!("pagination did not end");
}

// ---------------------------------------------------------------------------------------------
// Contracts

async fn get_reads_missing_and_present_items(store: SharedStore) {
    assert_eq!(store.get(&Key::new("DEPT#HR", "META")).await.unwrap(), None);
    let stored = item("DEPT#HR", "META", json!({"name": "गृह विभाग", "n": 1}))
        .with_gsi1(Key::new("ORG", "DEPT#HR"))
        .with_version(4)
        .expiring_at(now() + 3600);
    store.write(put(stored.clone(), Condition::None)).await.unwrap();
    assert_eq!(store.get(&Key::new("DEPT#HR", "META")).await.unwrap(), Some(stored));
    assert_eq!(store.get(&Key::new("DEPT#HR", "OTHER")).await.unwrap(), None);
    assert_eq!(store.get(&Key::new("DEPT#H", "META")).await.unwrap(), None);
}

async fn put_conditions_hold_and_fail_with_the_current_item(store: SharedStore) {
    let key = Key::new("RECEIPT#1", "META");
    let v1 = item("RECEIPT#1", "META", json!({"subject": "first"}));

    // Exists and VersionIs fail on a missing item, with no current item to report.
    assert_eq!(
        condition_failed(store.write(put(v1.clone(), Condition::Exists)).await, 0),
        None
    );
    assert_eq!(
        condition_failed(store.write(put(v1.clone(), Condition::VersionIs(1))).await, 0),
        None
    );
    store.write(put(v1.clone(), Condition::NotExists)).await.unwrap();

    // NotExists now fails, returning what is stored.
    let other = item("RECEIPT#1", "META", json!({"subject": "intruder"}));
    assert_eq!(
        condition_failed(store.write(put(other, Condition::NotExists)).await, 0),
        Some(v1.clone())
    );

    let v2 = item("RECEIPT#1", "META", json!({"subject": "second"})).with_version(2);
    store.write(put(v2.clone(), Condition::Exists)).await.unwrap();
    let stale = item("RECEIPT#1", "META", json!({"subject": "stale"})).with_version(2);
    assert_eq!(
        condition_failed(store.write(put(stale, Condition::VersionIs(1))).await, 0),
        Some(v2.clone())
    );

    let v3 = item("RECEIPT#1", "META", json!({"subject": "third"})).with_version(3);
    store.write(put(v3.clone(), Condition::VersionIs(2))).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(v3));

    let forced = item("RECEIPT#1", "META", json!({"subject": "forced"})).with_version(9);
    store.write(put(forced.clone(), Condition::None)).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(forced));
}

async fn version_race_has_exactly_one_winner(store: SharedStore) {
    let key = Key::new("FILE#7", "META");
    store
        .write(put(
            item("FILE#7", "META", json!({"by": "nobody"})),
            Condition::NotExists,
        ))
        .await
        .unwrap();
    for round in 1..=5u64 {
        let attempt = |who: &'static str| {
            let store = store.clone();
            let next = item("FILE#7", "META", json!({"by": who, "round": round})).with_version(round + 1);
            tokio::spawn(async move { store.write(put(next, Condition::VersionIs(round))).await })
        };
        let (a, b) = tokio::join!(attempt("a"), attempt("b"));
        let outcomes = [a.unwrap(), b.unwrap()];
        let winners = outcomes.iter().filter(|r| r.is_ok()).count();
        assert_eq!(winners, 1, "round {round}: {outcomes:?}");
        let stored = store.get(&key).await.unwrap().expect("stored");
        assert_eq!(stored.version, round + 1);
        for outcome in outcomes {
            if let Err(error) = outcome {
                match error {
                    StoreError::ConditionFailed { index: 0, current } => {
                        assert_eq!(
                            current.map(|c| *c),
                            Some(stored.clone()),
                            "loser sees the winner's item"
                        )
                    }
                    // DynamoDB may also refuse a write racing a transaction; it is not a second winner.
                    StoreError::TransactionConflict => {}
                    other => panic!("unexpected error {other:?}"),
                }
            }
        }
    }
}

async fn delete_conditions(store: SharedStore) {
    let key = Key::new("SESSION#abc", "SESSION");
    let delete = |condition| Write::Delete {
        key: key.clone(),
        condition,
    };

    // Deleting what is not there: unconditional is fine, Exists is not.
    store.write(delete(Condition::None)).await.unwrap();
    assert_eq!(condition_failed(store.write(delete(Condition::Exists)).await, 0), None);

    let stored = item("SESSION#abc", "SESSION", json!({"emp": "E1"})).with_version(3);
    store.write(put(stored.clone(), Condition::None)).await.unwrap();
    assert_eq!(
        condition_failed(store.write(delete(Condition::NotExists)).await, 0),
        Some(stored.clone())
    );
    assert_eq!(
        condition_failed(store.write(delete(Condition::VersionIs(2))).await, 0),
        Some(stored.clone())
    );
    assert_eq!(store.get(&key).await.unwrap(), Some(stored));
    store.write(delete(Condition::VersionIs(3))).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None);

    store
        .write(put(item("SESSION#abc", "SESSION", json!({})), Condition::None))
        .await
        .unwrap();
    store.write(delete(Condition::Exists)).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None);
}

async fn increment_creates_and_adds(store: SharedStore) {
    let key = Key::new("PENDENCY#D1", "SHARD#03");
    store
        .write(Write::Increment {
            key: key.clone(),
            by: 5,
        })
        .await
        .unwrap();
    let created = store.get(&key).await.unwrap().expect("created by increment");
    assert_eq!((created.count, created.version), (5, 1));
    store
        .write(Write::Increment {
            key: key.clone(),
            by: -2,
        })
        .await
        .unwrap();
    assert_eq!(store.get(&key).await.unwrap().unwrap().count, 3);

    // On an existing item only the count changes: body, version and index keys stay.
    let existing = item("OFFICE#9", "META", json!({"name": "DC Office"}))
        .with_version(4)
        .with_gsi1(Key::new("DEPT#REV", "OFFICE#9"));
    store.write(put(existing.clone(), Condition::None)).await.unwrap();
    store
        .write(Write::Increment {
            key: existing.key.clone(),
            by: 10,
        })
        .await
        .unwrap();
    let bumped = store.get(&existing.key).await.unwrap().unwrap();
    assert_eq!(bumped, Item { count: 10, ..existing });
}

async fn concurrent_increments_sum_exactly(store: SharedStore) {
    let key = Key::new("PENDENCY#D2", "SHARD#00");
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let store = store.clone();
            let key = key.clone();
            tokio::spawn(async move {
                // Half go through transactions, which is how handlers bump counters.
                if i % 2 == 0 {
                    store.write(Write::Increment { key, by: 1 }).await
                } else {
                    loop {
                        match store
                            .transact(vec![Write::Increment {
                                key: key.clone(),
                                by: 1,
                            }])
                            .await
                        {
                            Err(StoreError::TransactionConflict) => tokio::task::yield_now().await,
                            other => break other,
                        }
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(store.get(&key).await.unwrap().unwrap().count, 20);
}

async fn transaction_is_all_or_nothing_and_reports_the_failing_index(store: SharedStore) {
    let guarded = item("RECEIPT#9", "META", json!({"state": "open"}));
    store.write(put(guarded.clone(), Condition::None)).await.unwrap();
    let writes = vec![
        put(item("T#A", "META", json!(0)), Condition::NotExists),
        put(item("T#B", "META", json!(1)), Condition::None),
        put(
            item("RECEIPT#9", "META", json!({"state": "moved"})).with_version(6),
            Condition::VersionIs(5),
        ),
        Write::Increment {
            key: Key::new("T#C", "COUNT"),
            by: 1,
        },
    ];
    let current = condition_failed(store.transact(writes).await, 2);
    assert_eq!(current, Some(guarded.clone()));
    for key in [
        Key::new("T#A", "META"),
        Key::new("T#B", "META"),
        Key::new("T#C", "COUNT"),
    ] {
        assert_eq!(store.get(&key).await.unwrap(), None, "{key:?} must not be written");
    }
    assert_eq!(store.get(&guarded.key).await.unwrap(), Some(guarded));

    // A failure at index 0 is reported as 0, not confused with "no index".
    let writes = vec![
        put(item("T#B", "META", json!(1)), Condition::Exists),
        put(item("T#A", "META", json!(0)), Condition::None),
    ];
    assert_eq!(condition_failed(store.transact(writes).await, 0), None);
    assert_eq!(store.get(&Key::new("T#A", "META")).await.unwrap(), None);
}

async fn transaction_applies_every_kind_of_write(store: SharedStore) {
    let old_inbox = item("INBOX#P1", "R#0000000000001#R1", json!({"receipt": "R1"}));
    let receipt = item("RECEIPT#R1", "META", json!({"at": "P1"}));
    store
        .transact(vec![
            put(old_inbox.clone(), Condition::NotExists),
            put(receipt.clone(), Condition::NotExists),
        ])
        .await
        .unwrap();

    // The forward: move the inbox entry, bump the receipt, append history, count, record idempotency.
    let new_inbox = item("INBOX#P2", "R#0000000000002#R1", json!({"receipt": "R1"}));
    let moved = item("RECEIPT#R1", "META", json!({"at": "P2"})).with_version(2);
    let history = item("RECEIPT#R1", "MOVE#000001", json!({"from": "P1", "to": "P2"}));
    let idem = item("IDEM#E1#k1", "IDEM", json!({"status": 200})).expiring_at(now() + 86_400);
    store
        .transact(vec![
            Write::Delete {
                key: old_inbox.key.clone(),
                condition: Condition::Exists,
            },
            put(new_inbox.clone(), Condition::NotExists),
            put(moved.clone(), Condition::VersionIs(1)),
            put(history.clone(), Condition::NotExists),
            Write::Increment {
                key: Key::new("PENDENCY#P2", "SHARD#00"),
                by: 1,
            },
            Write::Check {
                key: Key::new("EMP#E1", "PROFILE"),
                condition: Condition::NotExists,
            },
            put(idem.clone(), Condition::NotExists),
        ])
        .await
        .unwrap();
    assert_eq!(store.get(&old_inbox.key).await.unwrap(), None);
    assert_eq!(store.get(&new_inbox.key).await.unwrap(), Some(new_inbox));
    assert_eq!(store.get(&moved.key).await.unwrap(), Some(moved));
    assert_eq!(store.get(&history.key).await.unwrap(), Some(history));
    assert_eq!(store.get(&idem.key).await.unwrap(), Some(idem));
    assert_eq!(
        store
            .get(&Key::new("PENDENCY#P2", "SHARD#00"))
            .await
            .unwrap()
            .unwrap()
            .count,
        1
    );
    assert_eq!(
        store.get(&Key::new("EMP#E1", "PROFILE")).await.unwrap(),
        None,
        "a check writes nothing"
    );

    // An empty transaction is a no-op, not an error.
    store.transact(Vec::new()).await.unwrap();
}

async fn transaction_refuses_duplicate_keys_and_more_than_the_limit(store: SharedStore) {
    let duplicate = vec![
        put(item("D#1", "META", json!(1)), Condition::None),
        put(item("D#2", "META", json!(2)), Condition::None),
        Write::Increment {
            key: Key::new("D#1", "META"),
            by: 1,
        },
    ];
    assert!(matches!(
        store.transact(duplicate).await,
        Err(StoreError::InvalidRequest(_))
    ));
    assert_eq!(store.get(&Key::new("D#2", "META")).await.unwrap(), None);

    let too_many: Vec<_> = (0..=MAX_TRANSACTION_WRITES)
        .map(|i| put(item("BULK", &format!("N#{i:03}"), json!(i)), Condition::None))
        .collect();
    assert_eq!(too_many.len(), 101);
    assert!(matches!(
        store.transact(too_many.clone()).await,
        Err(StoreError::InvalidRequest(_))
    ));
    assert!(store
        .query(Query::new(Index::Table, "BULK"))
        .await
        .unwrap()
        .items
        .is_empty());

    // Exactly the limit is fine.
    let mut at_limit = too_many;
    at_limit.pop();
    store.transact(at_limit).await.unwrap();
    let (all, _) = all_pages(&store, Query::new(Index::Table, "BULK")).await;
    assert_eq!(all.len(), MAX_TRANSACTION_WRITES);

    // Empty key parts are refused before any backend sees them.
    let empty = put(item("", "META", json!(null)), Condition::None);
    assert!(matches!(store.write(empty).await, Err(StoreError::InvalidRequest(_))));
}

async fn check_writes_gate_transactions(store: SharedStore) {
    let profile = item("EMP#E9", "PROFILE", json!({"name": "Asha"})).with_version(2);
    let leave = || put(item("LEAVE#L1", "META", json!({"emp": "E9"})), Condition::NotExists);

    // The employee must exist at version 2 for the leave to be recorded.
    let check = |condition| Write::Check {
        key: profile.key.clone(),
        condition,
    };
    assert_eq!(
        condition_failed(store.transact(vec![leave(), check(Condition::Exists)]).await, 1),
        None
    );
    assert_eq!(store.get(&Key::new("LEAVE#L1", "META")).await.unwrap(), None);

    store.write(put(profile.clone(), Condition::None)).await.unwrap();
    assert_eq!(
        condition_failed(store.transact(vec![check(Condition::VersionIs(1)), leave()]).await, 0),
        Some(profile.clone())
    );
    assert_eq!(
        condition_failed(store.transact(vec![check(Condition::NotExists), leave()]).await, 0),
        Some(profile.clone())
    );
    store
        .transact(vec![check(Condition::VersionIs(2)), leave()])
        .await
        .unwrap();
    assert!(store.get(&Key::new("LEAVE#L1", "META")).await.unwrap().is_some());

    // A check on its own is a write too.
    store.write(check(Condition::Exists)).await.unwrap();
    store.write(check(Condition::None)).await.unwrap();
    assert_eq!(
        condition_failed(store.write(check(Condition::VersionIs(7))).await, 0),
        Some(profile.clone())
    );
    assert_eq!(
        store.get(&profile.key).await.unwrap(),
        Some(profile),
        "checks never change the item"
    );
}

/// Items under partition `pk` of `index` with the given sort keys, plus neighbours that must
/// never show up: other partitions whose names start with or sort right next to `pk`.
async fn seed(store: &SharedStore, index: Index, pk: &str, sort_keys: &[&str]) {
    let place = |partition: &str, sort: &str, n: usize| {
        let table_key = match index {
            Index::Table => Key::new(partition, sort),
            _ => Key::new(format!("ITEM#{partition}#{n:03}"), "META"),
        };
        let mut item = Item::new(table_key, json!({"sk": sort}));
        match index {
            Index::Table => {}
            Index::Gsi1 => item = item.with_gsi1(Key::new(partition, sort)),
            Index::Gsi2 => item = item.with_gsi2(Key::new(partition, sort)),
        }
        put(item, Condition::None)
    };
    let mut writes: Vec<Write> = sort_keys.iter().enumerate().map(|(n, sk)| place(pk, sk, n)).collect();
    for (n, neighbour) in [format!("{pk}X"), format!("{pk}\u{1}"), pk[..pk.len() - 1].to_owned()]
        .iter()
        .enumerate()
    {
        writes.push(place(neighbour, "A#01", 100 + n));
    }
    store.transact(writes).await.unwrap();
}

async fn range_contract(store: SharedStore, index: Index) {
    let pk = "OFFICE#HSR";
    seed(
        &store,
        index,
        pk,
        &["A#03", "A#01", "B#01", "A#02", "A#05", "A#04", "B#03", "B#02", "A"],
    )
    .await;
    let sks = |page: QueryPage| -> Vec<String> {
        // Index queries return whole items (projection ALL); read the sort key from the body.
        page.items
            .iter()
            .map(|item| item.body["sk"].as_str().unwrap().to_owned())
            .collect()
    };
    let run = |range: SortRange, ascending: bool| {
        let store = store.clone();
        async move { sks(store.query(query(index, pk, range, ascending)).await.unwrap()) }
    };
    let prefix = |p: &str| SortRange::Prefix(p.to_owned());
    assert_eq!(run(prefix("A#"), true).await, ["A#01", "A#02", "A#03", "A#04", "A#05"]);
    assert_eq!(run(prefix("A#"), false).await, ["A#05", "A#04", "A#03", "A#02", "A#01"]);
    assert_eq!(run(prefix("B#"), false).await, ["B#03", "B#02", "B#01"]);
    assert_eq!(
        run(prefix("A"), true).await,
        ["A", "A#01", "A#02", "A#03", "A#04", "A#05"]
    );
    assert!(run(prefix("C#"), true).await.is_empty());
    let between = |a: &str, b: &str| SortRange::Between(a.to_owned(), b.to_owned());
    assert_eq!(
        run(between("A#03", "B#02"), true).await,
        ["A#03", "A#04", "A#05", "B#01", "B#02"]
    );
    assert_eq!(
        run(between("A#03", "B#02"), false).await,
        ["B#02", "B#01", "A#05", "A#04", "A#03"]
    );
    assert_eq!(run(between("A#04", "A#04"), true).await, ["A#04"]);
    assert!(
        run(between("B#02", "A#03"), true).await.is_empty(),
        "reversed ends select nothing"
    );
    let all = ["A", "A#01", "A#02", "A#03", "A#04", "A#05", "B#01", "B#02", "B#03"];
    assert_eq!(run(SortRange::All, true).await, all);
    let mut reversed = all.to_vec();
    reversed.reverse();
    assert_eq!(run(SortRange::All, false).await, reversed);
    assert!(store
        .query(Query::new(index, "OFFICE#NONE"))
        .await
        .unwrap()
        .items
        .is_empty());
}

async fn table_queries_respect_ranges_and_direction(store: SharedStore) {
    range_contract(store, Index::Table).await;
}

async fn gsi_queries_respect_ranges_and_direction(store: SharedStore) {
    range_contract(store.clone(), Index::Gsi1).await;
    range_contract(store, Index::Gsi2).await;
}

async fn pagination_returns_every_item_once_in_order(store: SharedStore) {
    // 37 inbox entries, paged 5 at a time: 8 pages, on the table and on both indexes.
    let count = 37;
    let writes: Vec<Write> = (0..count)
        .map(|i| {
            let sort = format!("R#{:013}#R{i}", 1_700_000_000_000u64 + i as u64);
            let item = item("INBOX#P9", &sort, json!({"i": i}))
                .with_gsi1(Key::new("G1#P9", sort.clone()))
                .with_gsi2(Key::new("G2#P9", format!("X#{i:04}")));
            put(item, Condition::None)
        })
        .collect();
    store.transact(writes).await.unwrap();
    store
        .write(put(item("INBOX#P9", "Z#after", json!({"i": -1})), Condition::None))
        .await
        .unwrap();

    let expected: Vec<i64> = (0..count as i64).collect();
    for (index, pk, range) in [
        (Index::Table, "INBOX#P9", SortRange::Prefix("R#".into())),
        (Index::Gsi1, "G1#P9", SortRange::All),
        (
            Index::Gsi2,
            "G2#P9",
            SortRange::Between("X#0000".into(), "X#9999".into()),
        ),
    ] {
        for ascending in [true, false] {
            let q = Query {
                limit: 5,
                ..query(index, pk, range.clone(), ascending)
            };
            let (items, pages) = all_pages(&store, q).await;
            let got: Vec<i64> = items.iter().map(|item| item.body["i"].as_i64().unwrap()).collect();
            let mut want = expected.clone();
            if !ascending {
                want.reverse();
            }
            assert_eq!(got, want, "{index:?} ascending={ascending}");
            // DynamoDB may hand out one extra cursor that leads to an empty last page.
            assert!((8..=9).contains(&pages), "{index:?}: {pages} pages");
        }
    }

    // A limit equal to the size still returns everything, and a cursor continues strictly after.
    let first = store
        .query(Query {
            limit: 1,
            ..query(Index::Table, "INBOX#P9", SortRange::All, true)
        })
        .await
        .unwrap();
    assert_eq!(first.items.len(), 1);
    let rest = Query {
        cursor: first.next.clone(),
        limit: 100,
        ..query(Index::Table, "INBOX#P9", SortRange::All, true)
    };
    let rest = store.query(rest).await.unwrap();
    assert_eq!(rest.items.len(), count);
    assert!(!sort_keys(&rest).contains(&first.items[0].key.sk));
}

async fn bad_cursors_are_invalid_requests(store: SharedStore) {
    store
        .write(put(item("P#1", "S#1", json!(1)), Condition::None))
        .await
        .unwrap();
    store
        .write(put(item("P#1", "S#2", json!(2)), Condition::None))
        .await
        .unwrap();
    let page = store
        .query(Query {
            limit: 1,
            ..Query::new(Index::Table, "P#1")
        })
        .await
        .unwrap();
    let cursor = page.next.expect("a second page exists");
    for bad in ["not a cursor!", "e30", cursor.as_str()] {
        // The real cursor is only bad for another partition or index.
        for q in [Query::new(Index::Table, "P#2"), Query::new(Index::Gsi1, "P#1")] {
            let result = store
                .query(Query {
                    cursor: Some(bad.to_owned()),
                    ..q
                })
                .await;
            assert!(
                matches!(result, Err(StoreError::InvalidRequest(_))),
                "{bad}: {result:?}"
            );
        }
    }
    let result = store
        .query(Query {
            limit: 0,
            ..Query::new(Index::Table, "P#1")
        })
        .await;
    assert!(matches!(result, Err(StoreError::InvalidRequest(_))));
}

async fn index_entries_follow_overwrites_and_deletes(store: SharedStore) {
    let key = Key::new("POST#77", "META");
    let in_index = |index: Index, pk: &'static str| {
        let store = store.clone();
        async move { store.query(Query::new(index, pk)).await.unwrap().items }
    };
    let first = Item::new(key.clone(), json!({"v": 1}))
        .with_gsi1(Key::new("OFFICE#A", "POST#77"))
        .with_gsi2(Key::new("ROLE#clerk", "POST#77"));
    store.write(put(first.clone(), Condition::NotExists)).await.unwrap();
    assert_eq!(in_index(Index::Gsi1, "OFFICE#A").await, vec![first.clone()]);
    assert_eq!(in_index(Index::Gsi2, "ROLE#clerk").await, [first]);

    // Moving the post to another office and role moves its index entries.
    let moved = Item::new(key.clone(), json!({"v": 2}))
        .with_version(2)
        .with_gsi1(Key::new("OFFICE#B", "POST#77"))
        .with_gsi2(Key::new("ROLE#clerk", "POST#077"));
    store.write(put(moved.clone(), Condition::VersionIs(1))).await.unwrap();
    assert!(in_index(Index::Gsi1, "OFFICE#A").await.is_empty());
    assert_eq!(in_index(Index::Gsi1, "OFFICE#B").await, vec![moved.clone()]);
    assert_eq!(
        in_index(Index::Gsi2, "ROLE#clerk").await,
        vec![moved.clone()],
        "old gsi2 entry replaced, not duplicated"
    );

    // Dropping an index key removes the entry; an increment keeps the rest.
    let unlisted = Item::new(key.clone(), json!({"v": 3}))
        .with_version(3)
        .with_gsi2(Key::new("ROLE#clerk", "POST#077"));
    store
        .write(put(unlisted.clone(), Condition::VersionIs(2)))
        .await
        .unwrap();
    assert!(in_index(Index::Gsi1, "OFFICE#B").await.is_empty());
    store
        .write(Write::Increment {
            key: key.clone(),
            by: 2,
        })
        .await
        .unwrap();
    assert_eq!(
        in_index(Index::Gsi2, "ROLE#clerk").await,
        [Item { count: 2, ..unlisted }]
    );

    store
        .write(Write::Delete {
            key,
            condition: Condition::Exists,
        })
        .await
        .unwrap();
    assert!(in_index(Index::Gsi2, "ROLE#clerk").await.is_empty());
}

async fn expired_items_are_absent(store: SharedStore) {
    let past = now() - 60;
    let dead = item("LOGIN#E5", "FAILURES", json!({"n": 3}))
        .with_version(3)
        .with_gsi1(Key::new("G#LOGIN", "E5"))
        .expiring_at(past);
    let alive = item("LOGIN#E5", "FAILURES#2", json!({"n": 1}))
        .with_gsi1(Key::new("G#LOGIN", "E6"))
        .expiring_at(now() + 3600);
    store.write(put(dead.clone(), Condition::None)).await.unwrap();
    store.write(put(alive.clone(), Condition::None)).await.unwrap();

    assert_eq!(store.get(&dead.key).await.unwrap(), None);
    assert_eq!(
        store.query(Query::new(Index::Table, "LOGIN#E5")).await.unwrap().items,
        vec![alive.clone()]
    );
    assert_eq!(
        store.query(Query::new(Index::Gsi1, "G#LOGIN")).await.unwrap().items,
        vec![alive.clone()]
    );
    let (paged, _) = all_pages(
        &store,
        Query {
            limit: 1,
            ..Query::new(Index::Table, "LOGIN#E5")
        },
    )
    .await;
    assert_eq!(paged, [alive]);

    // Conditions see the expired item as absent, and report no current item.
    assert_eq!(
        condition_failed(store.write(put(dead.clone(), Condition::Exists)).await, 0),
        None
    );
    assert_eq!(
        condition_failed(store.write(put(dead.clone(), Condition::VersionIs(3))).await, 0),
        None
    );
    let check = Write::Check {
        key: dead.key.clone(),
        condition: Condition::Exists,
    };
    assert_eq!(condition_failed(store.transact(vec![check]).await, 0), None);
    let fresh = item("LOGIN#E5", "FAILURES", json!({"n": 1})).expiring_at(now() + 900);
    store.write(put(fresh.clone(), Condition::NotExists)).await.unwrap();
    assert_eq!(store.get(&dead.key).await.unwrap(), Some(fresh));

    // An increment on an expired counter starts from zero instead of resurrecting the old count.
    let counter = Item {
        count: 41,
        ..item("IDEM#E5#k", "IDEM", json!({})).expiring_at(past)
    };
    store.write(put(counter.clone(), Condition::None)).await.unwrap();
    store
        .write(Write::Increment {
            key: counter.key.clone(),
            by: 1,
        })
        .await
        .unwrap();
    let restarted = store.get(&counter.key).await.unwrap().expect("a fresh counter");
    assert_eq!((restarted.count, restarted.version, restarted.expires_at), (1, 1, None));
    store.write(put(counter.clone(), Condition::None)).await.unwrap();
    store
        .transact(vec![Write::Increment {
            key: counter.key.clone(),
            by: 2,
        }])
        .await
        .unwrap();
    assert_eq!(store.get(&counter.key).await.unwrap().map(|c| c.count), Some(2));
}

/// The diary-number pattern: a version-conditional counter bumped in the same transaction as the
/// NotExists put of the number it hands out. Concurrent writers retry on conflict; the numbers
/// that result are 1..=N with no gap and no duplicate.
async fn gap_free_counter_under_concurrency(store: SharedStore) {
    const WRITERS: u64 = 16;
    let counter_key = Key::new("OFFICE#HQ", "DIARYSEQ#2025");
    let tasks: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let store = store.clone();
            let counter_key = counter_key.clone();
            tokio::spawn(async move {
                for attempt in 0..2000u64 {
                    let current = store.get(&counter_key).await.unwrap();
                    let (serial, condition, version) = match &current {
                        Some(counter) => (
                            counter.body["last"].as_u64().unwrap() + 1,
                            Condition::VersionIs(counter.version),
                            counter.version + 1,
                        ),
                        None => (1, Condition::NotExists, 1),
                    };
                    let counter = Item::new(counter_key.clone(), json!({"last": serial})).with_version(version);
                    let diary = item(
                        "OFFICE#HQ",
                        &format!("DIARY#2025#{serial:08}"),
                        json!({"writer": writer}),
                    );
                    match store
                        .transact(vec![put(counter, condition), put(diary, Condition::NotExists)])
                        .await
                    {
                        Ok(()) => return serial,
                        Err(StoreError::ConditionFailed { .. } | StoreError::TransactionConflict) => {
                            // Spread the retries so the writers do not collide in lockstep.
                            let pause = (writer * 7 + attempt * 3) % 11;
                            tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
                        }
                        Err(other) => panic!("writer {writer}: {other:?}"),
                    }
                }
                panic!("writer {writer} never got a number");
            })
        })
        .collect();
    let mut serials = BTreeSet::new();
    for task in tasks {
        assert!(serials.insert(task.await.unwrap()), "a serial was handed out twice");
    }
    assert_eq!(serials, (1..=WRITERS).collect::<BTreeSet<_>>());
    let (diary, _) = all_pages(
        &store,
        Query {
            limit: 7,
            ..query(Index::Table, "OFFICE#HQ", SortRange::Prefix("DIARY#2025#".into()), true)
        },
    )
    .await;
    let numbers: Vec<String> = diary.iter().map(|item| item.key.sk.clone()).collect();
    let expected: Vec<String> = (1..=WRITERS).map(|n| format!("DIARY#2025#{n:08}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(
        store.get(&counter_key).await.unwrap().unwrap().body["last"],
        json!(WRITERS)
    );
}
