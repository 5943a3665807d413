//! The one table, written down as data.
//!
//! [`TABLE`] is the single source of truth for the table's shape: [`crate::dynamo::DynamoStore`]
//! creates the table from it, and a deployment-template test can compare the template against
//! it, so the two cannot drift apart. Nothing here talks to AWS.

/// Partition key of the table.
pub const PK: &str = "pk";
/// Sort key of the table.
pub const SK: &str = "sk";
/// Partition key of the first overloaded index.
pub const GSI1_PK: &str = "gsi1pk";
/// Sort key of the first overloaded index.
pub const GSI1_SK: &str = "gsi1sk";
/// Partition key of the second overloaded index.
pub const GSI2_PK: &str = "gsi2pk";
/// Sort key of the second overloaded index.
pub const GSI2_SK: &str = "gsi2sk";
/// The item's version, compared by conditional writes (number).
pub const VERSION: &str = "ver";
/// The counter updated in place by increments (number).
pub const COUNT: &str = "cnt";
/// The domain record as JSON text (string).
pub const BODY: &str = "body";
/// Unix seconds after which the item is dead; the table's TTL attribute (number).
pub const EXPIRES_AT: &str = "expires_at";

/// Name of the first global secondary index.
pub const GSI1: &str = "gsi1";
/// Name of the second global secondary index.
pub const GSI2: &str = "gsi2";

/// A DynamoDB scalar attribute type, as used in attribute definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeType {
    /// `S`
    String,
    /// `N`
    Number,
}

impl AttributeType {
    /// The DynamoDB type letter.
    pub const fn code(self) -> &'static str {
        match self {
            AttributeType::String => "S",
            AttributeType::Number => "N",
        }
    }
}

/// One attribute the store writes, with its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: AttributeType,
}

/// Which attributes an index copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// Every attribute: index queries return whole items, so no second read is needed.
    All,
}

impl Projection {
    /// The DynamoDB projection type name.
    pub const fn code(self) -> &'static str {
        match self {
            Projection::All => "ALL",
        }
    }
}

/// A global secondary index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlobalIndex {
    pub name: &'static str,
    pub partition_key: &'static str,
    pub sort_key: &'static str,
    pub projection: Projection,
}

/// How the table is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BillingMode {
    /// On-demand: cost follows use, and nothing is paid for idle capacity.
    PayPerRequest,
}

impl BillingMode {
    /// The DynamoDB billing mode name.
    pub const fn code(self) -> &'static str {
        match self {
            BillingMode::PayPerRequest => "PAY_PER_REQUEST",
        }
    }
}

/// The whole table definition (the table name is chosen per deployment, so it is not here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableDefinition {
    pub partition_key: &'static str,
    pub sort_key: &'static str,
    /// Attributes that appear in a key of the table or of an index; DynamoDB wants exactly
    /// these declared, and no others.
    pub key_attributes: &'static [Attribute],
    /// Every attribute the store writes, keys included, with its type.
    pub attributes: &'static [Attribute],
    pub global_indexes: &'static [GlobalIndex],
    pub billing: BillingMode,
    /// The attribute DynamoDB's TTL process deletes expired items by.
    pub ttl_attribute: &'static str,
}

const fn string(name: &'static str) -> Attribute {
    Attribute {
        name,
        kind: AttributeType::String,
    }
}

const fn number(name: &'static str) -> Attribute {
    Attribute {
        name,
        kind: AttributeType::Number,
    }
}

/// The Daftar table.
pub const TABLE: TableDefinition = TableDefinition {
    partition_key: PK,
    sort_key: SK,
    key_attributes: &[
        string(PK),
        string(SK),
        string(GSI1_PK),
        string(GSI1_SK),
        string(GSI2_PK),
        string(GSI2_SK),
    ],
    attributes: &[
        string(PK),
        string(SK),
        string(GSI1_PK),
        string(GSI1_SK),
        string(GSI2_PK),
        string(GSI2_SK),
        number(VERSION),
        number(COUNT),
        string(BODY),
        number(EXPIRES_AT),
    ],
    global_indexes: &[
        GlobalIndex {
            name: GSI1,
            partition_key: GSI1_PK,
            sort_key: GSI1_SK,
            projection: Projection::All,
        },
        GlobalIndex {
            name: GSI2,
            partition_key: GSI2_PK,
            sort_key: GSI2_SK,
            projection: Projection::All,
        },
    ],
    billing: BillingMode::PayPerRequest,
    ttl_attribute: EXPIRES_AT,
};

impl TableDefinition {
    /// The index with this name, if the table has it.
    pub fn index(&self, name: &str) -> Option<&GlobalIndex> {
        self.global_indexes.iter().find(|index| index.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_attribute_is_a_declared_string_attribute() {
        for key in TABLE.key_attributes {
            assert_eq!(key.kind, AttributeType::String, "{}", key.name);
            assert!(TABLE.attributes.contains(key), "{} missing from attributes", key.name);
        }
    }

    #[test]
    fn key_attributes_are_exactly_those_used_by_the_table_and_its_indexes() {
        let mut used = vec![TABLE.partition_key, TABLE.sort_key];
        for index in TABLE.global_indexes {
            used.push(index.partition_key);
            used.push(index.sort_key);
        }
        let mut declared: Vec<_> = TABLE.key_attributes.iter().map(|a| a.name).collect();
        used.sort_unstable();
        declared.sort_unstable();
        assert_eq!(used, declared);
    }

    #[test]
    fn ttl_attribute_is_a_number() {
        let ttl = TABLE
            .attributes
            .iter()
            .find(|a| a.name == TABLE.ttl_attribute)
            .expect("declared");
        assert_eq!(ttl.kind, AttributeType::Number);
        assert_eq!(TABLE.index(GSI2).map(|i| i.sort_key), Some(GSI2_SK));
    }
}
