//! The production backend: one S3 bucket, one object per blob.
//!
//! Clients upload straight to S3 with a presigned `PUT`, but not to the blob's own key: a
//! presigned URL stays usable until it expires, so whoever holds it could replace a file after it
//! was checked. Uploads therefore land under [`STAGING_PREFIX`]; [`BlobStore::confirm_upload`]
//! reads the staged object (refusing an oversized one from its size alone), checks it, writes the
//! checked bytes to the blob's key, and deletes the staged copy. The bucket should expire
//! anything left under the prefix (abandoned uploads) after a day.
//!
//! Objects carry their `Content-Type` so that S3 serves them correctly, but reads take the type
//! from the bytes, as the folder backend does: every stored object passed the policy.

use crate::{
    admit, describe, AttachmentPolicy, BlobContents, BlobError, BlobKey, BlobStore, ContentType, Refusal, StoredBlob,
    UploadTarget,
};
use async_trait::async_trait;
use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use aws_sdk_s3::Client;
use std::time::Duration;

/// Where presigned uploads wait to be confirmed. A [`BlobKey`] cannot start with `.`, so no blob's
/// own key falls under it.
pub const STAGING_PREFIX: &str = ".uploads/";

/// The environment variable naming an S3-compatible endpoint to use instead of AWS (moto locally).
pub const ENDPOINT_ENV: &str = "DAFTAR_S3_ENDPOINT";

/// Blobs as objects in one S3 bucket. Cheap to clone: the SDK client shares its connections.
#[derive(Debug, Clone)]
pub struct S3BlobStore {
    client: Client,
    bucket: String,
    policy: AttachmentPolicy,
}

impl S3BlobStore {
    /// A store on `bucket` with the region, credentials and endpoint in `config`, and the default
    /// policy.
    pub fn new(config: &aws_config::SdkConfig, bucket: impl Into<String>) -> Self {
        let s3_config = aws_sdk_s3::config::Builder::from(config)
            // A custom endpoint (moto, MinIO) is an address and port where bucket-name subdomains
            // do not resolve, so the bucket goes in the path instead.
            .force_path_style(config.endpoint_url().is_some())
            .build();
        Self {
            client: Client::from_conf(s3_config),
            bucket: bucket.into(),
            policy: AttachmentPolicy::default(),
        }
    }

    /// A store on `bucket` configured from the environment: `AWS_REGION`, credentials, and
    /// [`ENDPOINT_ENV`] when talking to an S3-compatible server rather than AWS.
    pub async fn from_env(bucket: impl Into<String>) -> Self {
        let mut loader = aws_config::from_env();
        if let Some(endpoint) = std::env::var(ENDPOINT_ENV).ok().filter(|url| !url.is_empty()) {
            loader = loader.endpoint_url(endpoint);
        }
        Self::new(&loader.load().await, bucket)
    }

    pub fn with_policy(self, policy: AttachmentPolicy) -> Self {
        Self { policy, ..self }
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    /// Creates the bucket in the client's region unless this account already has it. For tests
    /// and the local run; in production the deployment template owns the bucket.
    pub async fn create_bucket_if_missing(&self) -> Result<(), BlobError> {
        let mut request = self.client.create_bucket().bucket(&self.bucket);
        // us-east-1 is S3's default location and must not be named as a constraint.
        if let Some(region) = self.client.config().region().filter(|r| r.as_ref() != "us-east-1") {
            request = request.create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::from(region.as_ref()))
                    .build(),
            );
        }
        match request.send().await {
            Ok(_) => Ok(()),
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_bucket_already_owned_by_you()) =>
            {
                Ok(())
            }
            Err(error) => Err(failure(format!("creating bucket {}", self.bucket), error)),
        }
    }

    async fn write(&self, object: &str, content_type: ContentType, bytes: Vec<u8>) -> Result<(), BlobError> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(object)
            .content_type(content_type.mime())
            .body(ByteStream::from(bytes))
            .send()
            .await
            .map_err(|error| failure(format!("writing {object}"), error))?;
        Ok(())
    }

    /// The object's bytes, or `None` if there is no such object. Reading stops once more than
    /// `limit` bytes have arrived, so an oversized object costs at most one chunk beyond it.
    async fn read(&self, object: &str, limit: u64) -> Result<Option<Vec<u8>>, BlobError> {
        let response = match self.client.get_object().bucket(&self.bucket).key(object).send().await {
            Ok(response) => response,
            Err(error) if error.as_service_error().is_some_and(|e| e.is_no_such_key()) => return Ok(None),
            Err(error) => return Err(failure(format!("reading {object}"), error)),
        };
        let mut body = response.body;
        let mut bytes = Vec::new();
        while let Some(chunk) = body
            .try_next()
            .await
            .map_err(|error| failure(format!("reading {object}"), error))?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() as u64 > limit {
                break;
            }
        }
        Ok(Some(bytes))
    }

    /// The object's size, or `None` if there is no such object.
    async fn size_of(&self, object: &str) -> Result<Option<u64>, BlobError> {
        match self.client.head_object().bucket(&self.bucket).key(object).send().await {
            Ok(head) => Ok(Some(head.content_length().unwrap_or_default().max(0) as u64)),
            Err(error) if error.as_service_error().is_some_and(|e| e.is_not_found()) => Ok(None),
            Err(error) => Err(failure(format!("looking up {object}"), error)),
        }
    }

    async fn delete(&self, object: &str) -> Result<(), BlobError> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(object)
            .send()
            .await
            .map_err(|error| failure(format!("deleting {object}"), error))?;
        Ok(())
    }

    /// Deletes a refused staged upload, then reports the refusal.
    async fn refuse(&self, staged: &str, refusal: Refusal) -> BlobError {
        match self.delete(staged).await {
            Ok(()) => refusal.into(),
            // The upload is still there: the caller must retry, and will be refused again.
            Err(failed) => failed,
        }
    }

    /// Confirming twice (a retry after a lost response) finds no staged upload but the blob
    /// itself; it is held to the same checks and, since it was checked before, not deleted.
    async fn reconfirm(&self, key: &BlobKey, declared: ContentType) -> Result<StoredBlob, BlobError> {
        let bytes = self
            .read(key.as_ref(), self.policy.max_bytes)
            .await?
            .ok_or_else(|| BlobError::NotUploaded { key: key.clone() })?;
        Ok(admit(&self.policy, key, declared, &bytes)?)
    }
}

fn staged_object(key: &BlobKey) -> String {
    format!("{STAGING_PREFIX}{key}")
}

/// A storage failure, with the SDK's whole error chain: its top-level message alone is often just
/// "service error".
fn failure(doing: String, error: impl std::error::Error) -> BlobError {
    BlobError::storage(doing, DisplayErrorContext(error))
}

#[async_trait]
impl BlobStore for S3BlobStore {
    async fn put(&self, key: &BlobKey, declared: ContentType, bytes: Vec<u8>) -> Result<StoredBlob, BlobError> {
        let blob = admit(&self.policy, key, declared, &bytes)?;
        self.write(key.as_ref(), declared, bytes).await?;
        Ok(blob)
    }

    async fn get(&self, key: &BlobKey) -> Result<Option<BlobContents>, BlobError> {
        match self.read(key.as_ref(), u64::MAX).await? {
            Some(bytes) => describe(key, bytes).map(Some),
            None => Ok(None),
        }
    }

    /// A presigned `PUT` of the staged object. The signature covers `Content-Type` and
    /// `Content-Length`, so S3 refuses an upload of another type or length than declared; the
    /// bytes themselves are checked when the upload is confirmed.
    async fn upload_target(
        &self,
        key: &BlobKey,
        declared: ContentType,
        size: u64,
        ttl: Duration,
    ) -> Result<UploadTarget, BlobError> {
        self.policy.check_size(size)?;
        let staged = staged_object(key);
        let presigning = PresigningConfig::expires_in(ttl)
            .map_err(|error| failure(format!("presigning an upload to {staged}"), error))?;
        let request = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(&staged)
            .content_type(declared.mime())
            .content_length(i64::try_from(size).unwrap_or(i64::MAX))
            .presigned(presigning)
            .await
            .map_err(|error| failure(format!("presigning an upload to {staged}"), error))?;
        Ok(UploadTarget::Presigned {
            url: request.uri().to_owned(),
            method: request.method().to_owned(),
            headers: request
                .headers()
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect(),
        })
    }

    async fn confirm_upload(&self, key: &BlobKey, declared: ContentType) -> Result<StoredBlob, BlobError> {
        let staged = staged_object(key);
        let Some(size) = self.size_of(&staged).await? else {
            return self.reconfirm(key, declared).await;
        };
        // Refuse an oversized or empty upload without downloading it.
        if let Err(refusal) = self.policy.check_size(size) {
            return Err(self.refuse(&staged, refusal).await);
        }
        let Some(bytes) = self.read(&staged, self.policy.max_bytes).await? else {
            // Deleted between the two calls: a concurrent confirm got there first.
            return self.reconfirm(key, declared).await;
        };
        let blob = match admit(&self.policy, key, declared, &bytes) {
            Ok(blob) => blob,
            Err(refusal) => return Err(self.refuse(&staged, refusal).await),
        };
        // Store the very bytes just checked, out of reach of the presigned URL.
        self.write(key.as_ref(), declared, bytes).await?;
        self.delete(&staged).await?;
        Ok(blob)
    }
}
