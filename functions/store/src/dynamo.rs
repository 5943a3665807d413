//! The production backend: the one DynamoDB table described in [`crate::schema`].
//!
//! Items are stored flat: `pk`, `sk`, the index keys when present, `ver`, `cnt`, `body` (the
//! JSON text) and `expires_at` (the TTL attribute). Conditions become condition expressions
//! that also treat an expired-but-not-yet-swept item as absent, because DynamoDB's TTL sweeper
//! may run days late. Failed conditions come back with the stored item
//! (`ReturnValuesOnConditionCheckFailure = ALL_OLD`), so a conflict costs no second read.
//! Queries run on one partition key only; this module never scans.

use crate::common::{
    decode_cursor, encode_cursor, index_key_names, is_expired, now_unix, validate_query, validate_transaction,
    validate_write, CursorKey,
};
use crate::schema::{self, BODY, COUNT, EXPIRES_AT, GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, PK, SK, TABLE, VERSION};
use crate::{Condition, Index, Item, Key, Query, QueryPage, SortRange, Store, StoreError, Write};
use async_trait::async_trait;
use aws_sdk_dynamodb::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, ConditionCheck, Delete, GlobalSecondaryIndex, IndexStatus,
    KeySchemaElement, KeyType, Projection, ProjectionType, Put, ReturnValuesOnConditionCheckFailure,
    ScalarAttributeType, TableStatus, TimeToLiveSpecification, TimeToLiveStatus, TransactWriteItem, Update,
};
use aws_sdk_dynamodb::Client;
use std::collections::HashMap;
use std::time::Duration;

type Attributes = HashMap<String, AttributeValue>;

/// How long [`DynamoStore::create_table_if_missing`] waits for a new table to become active.
const ACTIVE_TIMEOUT: Duration = Duration::from_secs(300);

/// Attempts at a write batch containing an increment of an expired item (see [`DynamoStore::run`]).
const MAX_ATTEMPTS: usize = 8;

/// The store on a DynamoDB table. Cheap to clone: the SDK client shares its connection pool.
#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    /// A store on `table`, using the region, credentials and endpoint in `config`.
    pub fn new(config: &aws_config::SdkConfig, table: impl Into<String>) -> Self {
        Self::from_client(Client::new(config), table)
    }

    /// A store on `table` through an already built client.
    pub fn from_client(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    /// A store on `table` configured from the environment (`AWS_REGION`, credentials, and
    /// `AWS_ENDPOINT_URL_DYNAMODB` for DynamoDB Local).
    pub async fn from_env(table: impl Into<String>) -> Self {
        Self::new(&aws_config::load_from_env().await, table)
    }

    /// The table this store writes to.
    pub fn table_name(&self) -> &str {
        &self.table
    }

    /// Opens the connection (TLS handshake, credentials) with one cheap read, so the first real
    /// request does not pay for it. Meant for Lambda init.
    pub async fn warm_up(&self) -> Result<(), StoreError> {
        self.get(&Key::new("WARMUP", "WARMUP")).await.map(drop)
    }

    /// Creates the table from [`schema::TABLE`] if it does not exist, waits until it and its
    /// indexes are active, and turns on TTL. Safe to call from several processes at once.
    pub async fn create_table_if_missing(&self) -> Result<(), StoreError> {
        let exists = match self.client.describe_table().table_name(&self.table).send().await {
            Ok(_) => true,
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_resource_not_found_exception()) =>
            {
                false
            }
            Err(error) => return Err(sdk_error("describing the table", &error)),
        };
        if !exists {
            self.create_table().await?;
        }
        self.wait_until_active().await?;
        self.enable_ttl().await
    }

    async fn create_table(&self) -> Result<(), StoreError> {
        let build = |e: aws_sdk_dynamodb::error::BuildError| StoreError::Backend(format!("table definition: {e}"));
        let key = |name: &str, kind: KeyType| KeySchemaElement::builder().attribute_name(name).key_type(kind).build();
        let mut request = self
            .client
            .create_table()
            .table_name(&self.table)
            .billing_mode(BillingMode::from(TABLE.billing.code()))
            .key_schema(key(TABLE.partition_key, KeyType::Hash).map_err(build)?)
            .key_schema(key(TABLE.sort_key, KeyType::Range).map_err(build)?);
        for attribute in TABLE.key_attributes {
            request = request.attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name(attribute.name)
                    .attribute_type(ScalarAttributeType::from(attribute.kind.code()))
                    .build()
                    .map_err(build)?,
            );
        }
        for index in TABLE.global_indexes {
            request = request.global_secondary_indexes(
                GlobalSecondaryIndex::builder()
                    .index_name(index.name)
                    .key_schema(key(index.partition_key, KeyType::Hash).map_err(build)?)
                    .key_schema(key(index.sort_key, KeyType::Range).map_err(build)?)
                    .projection(
                        Projection::builder()
                            .projection_type(ProjectionType::from(index.projection.code()))
                            .build(),
                    )
                    .build()
                    .map_err(build)?,
            );
        }
        match request.send().await {
            Ok(_) => Ok(()),
            // Someone else created it between our describe and create: just as good.
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_resource_in_use_exception()) =>
            {
                Ok(())
            }
            Err(error) => Err(sdk_error("creating the table", &error)),
        }
    }

    async fn wait_until_active(&self) -> Result<(), StoreError> {
        // A short poll rather than the SDK waiter, whose 20-second minimum delay would make
        // every test table (active within milliseconds on DynamoDB Local) wait that long.
        let deadline = tokio::time::Instant::now() + ACTIVE_TIMEOUT;
        loop {
            let described = self
                .client
                .describe_table()
                .table_name(&self.table)
                .send()
                .await
                .map_err(|e| sdk_error("waiting for the table", &e))?;
            let ready = described.table().is_some_and(|table| {
                table.table_status() == Some(&TableStatus::Active)
                    && table
                        .global_secondary_indexes()
                        .iter()
                        .all(|index| index.index_status() == Some(&IndexStatus::Active))
            });
            if ready {
                return Ok(());
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(StoreError::Unavailable(format!(
                    "table {} not active after {ACTIVE_TIMEOUT:?}",
                    self.table
                )));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    async fn enable_ttl(&self) -> Result<(), StoreError> {
        let described = self
            .client
            .describe_time_to_live()
            .table_name(&self.table)
            .send()
            .await
            .map_err(|e| sdk_error("describing TTL", &e))?;
        let status = described
            .time_to_live_description()
            .and_then(|d| d.time_to_live_status());
        // Asking again while enabled (or enabling) is a ValidationException, so only ask once.
        if matches!(status, Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling)) {
            return Ok(());
        }
        let spec = TimeToLiveSpecification::builder()
            .attribute_name(TABLE.ttl_attribute)
            .enabled(true)
            .build()
            .map_err(|e| StoreError::Backend(format!("TTL specification: {e}")))?;
        match self
            .client
            .update_time_to_live()
            .table_name(&self.table)
            .time_to_live_specification(spec)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            // Another process enabled it in the meantime.
            Err(error) if error.code() == Some("ValidationException") && is_ttl_already_on(&error) => Ok(()),
            Err(error) => Err(sdk_error("enabling TTL", &error)),
        }
    }

    /// Sends `writes` (one alone when `single`), retrying only for the one case the condition
    /// expressions cannot express in a single round: an increment landing on an expired item.
    ///
    /// `ADD` would resurrect the expired item's old count, so an increment is conditioned on the
    /// item being absent or live. If that fails because the stored item is expired, the next
    /// attempt replaces it with a fresh counter, conditioned on it still being expired; if that
    /// fails because someone else got there first, the attempt after goes back to `ADD`.
    async fn run(&self, writes: &[Write], single: bool) -> Result<(), StoreError> {
        let mut replace_expired = vec![false; writes.len()];
        for _ in 0..MAX_ATTEMPTS {
            let now = now_unix();
            let mut ops = writes
                .iter()
                .zip(&replace_expired)
                .map(|(write, &replace)| Op::new(write, replace, now))
                .collect::<Vec<_>>();
            let outcome = if single && ops.len() == 1 {
                self.send_single(ops.remove(0)).await
            } else {
                self.send_transaction(ops).await
            };
            match outcome {
                Ok(()) => return Ok(()),
                Err(Failure::Condition { index, stored })
                    if matches!(writes.get(index), Some(Write::Increment { .. })) =>
                {
                    replace_expired[index] = stored.is_some_and(|item| is_expired(item.expires_at, now_unix()));
                }
                Err(Failure::Condition { index, stored }) => {
                    let now = now_unix();
                    let current = stored.filter(|item| !is_expired(item.expires_at, now)).map(Box::new);
                    return Err(StoreError::ConditionFailed { index, current });
                }
                Err(Failure::Other(error)) => return Err(error),
            }
        }
        // Only reachable if expired counters keep being replaced under us: a conflict.
        Err(StoreError::TransactionConflict)
    }

    async fn send_single(&self, op: Op) -> Result<(), Failure> {
        let all_old = ReturnValuesOnConditionCheckFailure::AllOld;
        let condition_failed = |item: Option<&Attributes>| match item.map(item_from).transpose() {
            Ok(stored) => Failure::Condition { index: 0, stored },
            Err(error) => Failure::Other(error),
        };
        match op {
            Op::Put { item, expr } => {
                let result = self
                    .client
                    .put_item()
                    .table_name(&self.table)
                    .set_item(Some(item))
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .send()
                    .await;
                match result {
                    Ok(_) => Ok(()),
                    Err(error) => Err(match error.as_service_error() {
                        Some(aws_sdk_dynamodb::operation::put_item::PutItemError::ConditionalCheckFailedException(
                            e,
                        )) => condition_failed(e.item()),
                        _ => Failure::Other(sdk_error("putting an item", &error)),
                    }),
                }
            }
            Op::Delete { key, expr } => {
                let result = self
                    .client
                    .delete_item()
                    .table_name(&self.table)
                    .set_key(Some(key))
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .send()
                    .await;
                match result {
                    Ok(_) => Ok(()),
                    Err(error) => Err(match error.as_service_error() {
                        Some(
                            aws_sdk_dynamodb::operation::delete_item::DeleteItemError::ConditionalCheckFailedException(
                                e,
                            ),
                        ) => condition_failed(e.item()),
                        _ => Failure::Other(sdk_error("deleting an item", &error)),
                    }),
                }
            }
            Op::Update { key, expr } => {
                let result = self
                    .client
                    .update_item()
                    .table_name(&self.table)
                    .set_key(Some(key))
                    .set_update_expression(expr.update)
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .send()
                    .await;
                match result {
                    Ok(_) => Ok(()),
                    Err(error) => Err(match error.as_service_error() {
                        Some(
                            aws_sdk_dynamodb::operation::update_item::UpdateItemError::ConditionalCheckFailedException(
                                e,
                            ),
                        ) => condition_failed(e.item()),
                        _ => Failure::Other(sdk_error("updating an item", &error)),
                    }),
                }
            }
            // DynamoDB has no single-item condition check; a one-action transaction is one.
            check @ Op::Check { .. } => self.send_transaction(vec![check]).await,
        }
    }

    async fn send_transaction(&self, ops: Vec<Op>) -> Result<(), Failure> {
        let items = ops
            .into_iter()
            .map(|op| op.into_transact_item(&self.table))
            .collect::<Result<Vec<_>, _>>()
            .map_err(Failure::Other)?;
        let result = self
            .client
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await;
        let error = match result {
            Ok(_) => return Ok(()),
            Err(error) => error,
        };
        let Some(TransactWriteItemsError::TransactionCanceledException(cancelled)) = error.as_service_error() else {
            return Err(Failure::Other(sdk_error("writing a transaction", &error)));
        };
        let reasons = cancelled.cancellation_reasons();
        if let Some((index, reason)) = reasons
            .iter()
            .enumerate()
            .find(|(_, reason)| reason.code() == Some("ConditionalCheckFailed"))
        {
            let stored = reason.item().map(item_from).transpose().map_err(Failure::Other)?;
            return Err(Failure::Condition { index, stored });
        }
        let has = |code: &str| reasons.iter().any(|reason| reason.code() == Some(code));
        let message = || format!("transaction cancelled: {}", DisplayErrorContext(&error));
        Err(Failure::Other(if has("TransactionConflict") {
            StoreError::TransactionConflict
        } else if has("ProvisionedThroughputExceeded") || has("ThrottlingError") {
            StoreError::Unavailable(message())
        } else if has("ValidationError") || has("ItemCollectionSizeLimitExceeded") {
            StoreError::InvalidRequest(message())
        } else {
            StoreError::Backend(message())
        }))
    }
}

fn is_ttl_already_on<E: ProvideErrorMetadata, R>(error: &SdkError<E, R>) -> bool {
    error.message().is_some_and(|m| m.contains("already enabled"))
}

/// Why one attempt failed: a condition (with the stored item, expired or not) or anything else.
enum Failure {
    Condition { index: usize, stored: Option<Item> },
    Other(StoreError),
}

/// Maps SDK failures onto the store's error kinds, keeping the SDK's full message.
fn sdk_error<E, R>(doing: &str, error: &SdkError<E, R>) -> StoreError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let message = format!("{doing}: {}", DisplayErrorContext(error));
    match error {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            StoreError::Unavailable(message)
        }
        SdkError::ServiceError(_) => match error.code() {
            Some(
                "ProvisionedThroughputExceededException"
                | "ThrottlingException"
                | "RequestLimitExceeded"
                | "InternalServerError"
                | "ServiceUnavailable",
            ) => StoreError::Unavailable(message),
            Some("TransactionConflictException" | "TransactionInProgressException") => StoreError::TransactionConflict,
            Some("ValidationException") => StoreError::InvalidRequest(message),
            _ => StoreError::Backend(message),
        },
        _ => StoreError::Backend(message),
    }
}

fn non_empty<K, V>(map: HashMap<K, V>) -> Option<HashMap<K, V>> {
    (!map.is_empty()).then_some(map)
}

fn s(value: &str) -> AttributeValue {
    AttributeValue::S(value.to_owned())
}

fn n(value: impl ToString) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

fn key_attributes(key: &Key) -> Attributes {
    HashMap::from([(PK.to_owned(), s(&key.pk)), (SK.to_owned(), s(&key.sk))])
}

fn item_attributes(item: &Item) -> Attributes {
    let mut attributes = key_attributes(&item.key);
    if let Some(gsi1) = &item.gsi1 {
        attributes.insert(GSI1_PK.into(), s(&gsi1.pk));
        attributes.insert(GSI1_SK.into(), s(&gsi1.sk));
    }
    if let Some(gsi2) = &item.gsi2 {
        attributes.insert(GSI2_PK.into(), s(&gsi2.pk));
        attributes.insert(GSI2_SK.into(), s(&gsi2.sk));
    }
    attributes.insert(VERSION.into(), n(item.version));
    attributes.insert(COUNT.into(), n(item.count));
    attributes.insert(BODY.into(), AttributeValue::S(item.body.to_string()));
    if let Some(at) = item.expires_at {
        attributes.insert(EXPIRES_AT.into(), n(at));
    }
    attributes
}

fn item_from(attributes: &Attributes) -> Result<Item, StoreError> {
    let string = |name: &str| attributes.get(name).and_then(|v| v.as_s().ok()).cloned();
    let number = |name: &str| -> Result<Option<i64>, StoreError> {
        match attributes.get(name).map(AttributeValue::as_n) {
            None => Ok(None),
            Some(Ok(text)) => text
                .parse()
                .map(Some)
                .map_err(|_| StoreError::Corrupt(format!("{name} is not an integer: {text}"))),
            Some(Err(_)) => Err(StoreError::Corrupt(format!("{name} is not a number"))),
        }
    };
    let (Some(pk), Some(sk)) = (string(PK), string(SK)) else {
        return Err(StoreError::Corrupt("item without pk/sk".into()));
    };
    let pair = |p: &str, s: &str| string(p).zip(string(s)).map(|(pk, sk)| Key { pk, sk });
    let body = match string(BODY) {
        Some(text) => serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("{pk}/{sk} body: {e}")))?,
        // Counters created by an increment have no body.
        None => serde_json::Value::Null,
    };
    let version = number(VERSION)?.unwrap_or(1);
    Ok(Item {
        gsi1: pair(GSI1_PK, GSI1_SK),
        gsi2: pair(GSI2_PK, GSI2_SK),
        version: u64::try_from(version).map_err(|_| StoreError::Corrupt(format!("{pk}/{sk}: negative version")))?,
        count: number(COUNT)?.unwrap_or(0),
        expires_at: number(EXPIRES_AT)?,
        body,
        key: Key { pk, sk },
    })
}

/// The expression parts of one request. DynamoDB rejects unused placeholders, so each request
/// declares only what its expressions mention.
#[derive(Default)]
struct Expr {
    condition: Option<String>,
    update: Option<String>,
    names: HashMap<String, String>,
    values: HashMap<String, AttributeValue>,
}

impl Expr {
    fn name(&mut self, placeholder: &str, attribute: &str) {
        self.names.insert(placeholder.into(), attribute.into());
    }

    fn value(&mut self, placeholder: &str, value: AttributeValue) {
        self.values.insert(placeholder.into(), value);
    }

    /// The expression for `condition`, in which an item whose expiry has passed counts as absent.
    fn condition(condition: Condition, now: i64) -> Self {
        let mut expr = Self::default();
        let live = "(attribute_not_exists(#exp) OR #exp > :now)";
        let text = match condition {
            Condition::None => return expr,
            Condition::NotExists => {
                expr.name("#pk", PK);
                "attribute_not_exists(#pk) OR #exp <= :now".to_owned()
            }
            Condition::Exists => {
                expr.name("#pk", PK);
                format!("attribute_exists(#pk) AND {live}")
            }
            Condition::VersionIs(version) => {
                expr.name("#ver", VERSION);
                expr.value(":ver", n(version));
                format!("#ver = :ver AND {live}")
            }
        };
        expr.name("#exp", EXPIRES_AT);
        expr.value(":now", n(now));
        expr.condition = Some(text);
        expr
    }
}

/// One write as DynamoDB sees it.
enum Op {
    Put { item: Attributes, expr: Expr },
    Delete { key: Attributes, expr: Expr },
    Update { key: Attributes, expr: Expr },
    Check { key: Attributes, expr: Expr },
}

impl Op {
    fn new(write: &Write, replace_expired: bool, now: i64) -> Self {
        match write {
            Write::Put { item, condition } => Op::Put {
                item: item_attributes(item),
                expr: Expr::condition(*condition, now),
            },
            Write::Delete { key, condition } => Op::Delete {
                key: key_attributes(key),
                expr: Expr::condition(*condition, now),
            },
            Write::Check { key, condition } => {
                let mut expr = Expr::condition(*condition, now);
                if expr.condition.is_none() {
                    // A condition check must have an expression; this one always holds.
                    expr.name("#pk", PK);
                    expr.condition = Some("attribute_exists(#pk) OR attribute_not_exists(#pk)".into());
                }
                Op::Check {
                    key: key_attributes(key),
                    expr,
                }
            }
            Write::Increment { key, by } if replace_expired => {
                let mut item = key_attributes(key);
                item.insert(VERSION.into(), n(1));
                item.insert(COUNT.into(), n(by));
                let mut expr = Expr::default();
                expr.name("#exp", EXPIRES_AT);
                expr.value(":now", n(now));
                expr.condition = Some("#exp <= :now".into());
                Op::Put { item, expr }
            }
            Write::Increment { key, by } => {
                let mut expr = Expr::default();
                expr.name("#cnt", COUNT);
                expr.name("#ver", VERSION);
                expr.name("#exp", EXPIRES_AT);
                expr.value(":by", n(by));
                expr.value(":one", n(1));
                expr.value(":now", n(now));
                expr.update = Some("ADD #cnt :by SET #ver = if_not_exists(#ver, :one)".into());
                expr.condition = Some("attribute_not_exists(#exp) OR #exp > :now".into());
                Op::Update {
                    key: key_attributes(key),
                    expr,
                }
            }
        }
    }

    fn into_transact_item(self, table: &str) -> Result<TransactWriteItem, StoreError> {
        let build =
            |e: aws_sdk_dynamodb::error::BuildError| StoreError::Backend(format!("building a transaction: {e}"));
        let all_old = ReturnValuesOnConditionCheckFailure::AllOld;
        let item = match self {
            Op::Put { item, expr } => TransactWriteItem::builder().put(
                Put::builder()
                    .table_name(table)
                    .set_item(Some(item))
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .build()
                    .map_err(build)?,
            ),
            Op::Delete { key, expr } => TransactWriteItem::builder().delete(
                Delete::builder()
                    .table_name(table)
                    .set_key(Some(key))
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .build()
                    .map_err(build)?,
            ),
            Op::Update { key, expr } => TransactWriteItem::builder().update(
                Update::builder()
                    .table_name(table)
                    .set_key(Some(key))
                    .set_update_expression(expr.update)
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .build()
                    .map_err(build)?,
            ),
            Op::Check { key, expr } => TransactWriteItem::builder().condition_check(
                ConditionCheck::builder()
                    .table_name(table)
                    .set_key(Some(key))
                    .set_condition_expression(expr.condition)
                    .set_expression_attribute_names(non_empty(expr.names))
                    .set_expression_attribute_values(non_empty(expr.values))
                    .return_values_on_condition_check_failure(all_old)
                    .build()
                    .map_err(build)?,
            ),
        };
        Ok(item.build())
    }
}

#[async_trait]
impl Store for DynamoStore {
    async fn get(&self, key: &Key) -> Result<Option<Item>, StoreError> {
        if key.pk.is_empty() || key.sk.is_empty() {
            // DynamoDB would reject the request; an empty key can never name an item.
            return Ok(None);
        }
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key_attributes(key)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| sdk_error("getting an item", &e))?;
        let now = now_unix();
        Ok(output
            .item()
            .map(item_from)
            .transpose()?
            .filter(|item| !is_expired(item.expires_at, now)))
    }

    async fn write(&self, write: Write) -> Result<(), StoreError> {
        validate_write(&write)?;
        self.run(std::slice::from_ref(&write), true).await
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        validate_transaction(&writes)?;
        if writes.is_empty() {
            return Ok(());
        }
        self.run(&writes, false).await
    }

    async fn query(&self, query: Query) -> Result<QueryPage, StoreError> {
        if !validate_query(&query)? {
            return Ok(QueryPage {
                items: Vec::new(),
                next: None,
            });
        }
        let start = query.cursor.as_deref().map(|c| decode_cursor(c, &query)).transpose()?;
        let (pk_name, sk_name) = index_key_names(query.index);
        let mut names = HashMap::from([("#p".to_owned(), pk_name.to_owned())]);
        let mut values = HashMap::from([(":p".to_owned(), s(&query.pk))]);
        let mut key_condition = "#p = :p".to_owned();
        match &query.range {
            SortRange::All => {}
            // begins_with on an empty prefix matches everything; DynamoDB may reject the empty value.
            SortRange::Prefix(prefix) if prefix.is_empty() => {}
            SortRange::Prefix(prefix) => {
                names.insert("#s".into(), sk_name.into());
                values.insert(":a".into(), s(prefix));
                key_condition.push_str(" AND begins_with(#s, :a)");
            }
            SortRange::Between(low, high) => {
                names.insert("#s".into(), sk_name.into());
                values.insert(":a".into(), s(low));
                values.insert(":b".into(), s(high));
                key_condition.push_str(" AND #s BETWEEN :a AND :b");
            }
        }
        let index_name = match query.index {
            Index::Table => None,
            Index::Gsi1 => Some(schema::GSI1),
            Index::Gsi2 => Some(schema::GSI2),
        };
        let output = self
            .client
            .query()
            .table_name(&self.table)
            .set_index_name(index_name.map(str::to_owned))
            .key_condition_expression(key_condition)
            .set_expression_attribute_names(Some(names))
            .set_expression_attribute_values(Some(values))
            .scan_index_forward(query.ascending)
            .limit(i32::try_from(query.limit).unwrap_or(i32::MAX))
            // Indexes cannot be read consistently; the table can, so read-your-writes holds there.
            .consistent_read(query.index == Index::Table)
            .set_exclusive_start_key(
                start.map(|key| key.iter().map(|(name, value)| (name.clone(), s(value))).collect()),
            )
            .send()
            .await
            .map_err(|e| sdk_error("querying", &e))?;
        let now = now_unix();
        let mut items = Vec::with_capacity(output.items().len());
        for attributes in output.items() {
            let item = item_from(attributes)?;
            if !is_expired(item.expires_at, now) {
                items.push(item);
            }
        }
        let next = output.last_evaluated_key().map(|last| {
            let key: CursorKey = last
                .iter()
                .filter_map(|(name, value)| value.as_s().ok().map(|v| (name.clone(), v.clone())))
                .collect();
            encode_cursor(&key)
        });
        Ok(QueryPage { items, next })
    }

    fn backend_name(&self) -> &'static str {
        "dynamodb"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_round_trip_through_attributes() {
        let item = Item::new(Key::new("RECEIPT#1", "META"), json!({"subject": "पत्र"}))
            .with_gsi1(Key::new("INBOX#p", "R#1"))
            .with_gsi2(Key::new("OFFICE#o", "R#1"))
            .with_version(7)
            .expiring_at(1_700_000_000);
        assert_eq!(item_from(&item_attributes(&item)).unwrap(), item);
    }

    #[test]
    fn conditions_declare_only_the_placeholders_they_use() {
        let none = Expr::condition(Condition::None, 5);
        assert!(none.condition.is_none() && none.names.is_empty() && none.values.is_empty());
        let version = Expr::condition(Condition::VersionIs(3), 5);
        let text = version.condition.unwrap();
        for placeholder in version.names.keys().chain(version.values.keys()) {
            assert!(text.contains(placeholder.as_str()), "{placeholder} unused in {text}");
        }
        assert_eq!(version.values[":ver"], n(3));
    }
}
