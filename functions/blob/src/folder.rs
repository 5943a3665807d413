//! The local backend: each blob is one file under a root folder, at the path its key spells.
//!
//! There is no sidecar for the content type: every stored file passed the policy, which holds
//! the declared type to the file's first bytes, so the bytes alone say what they are. One file per
//! blob also keeps each write atomic: the bytes go to a scratch file that is renamed into place,
//! so a reader sees the old blob or the new one, never half of one.

use crate::{
    admit, describe, AttachmentPolicy, BlobContents, BlobError, BlobKey, BlobStore, ContentType, StoredBlob,
    UploadTarget,
};
use async_trait::async_trait;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

/// Scratch space for writes in progress. Keys cannot start with `.`, so no blob lands here.
const SCRATCH: &str = ".tmp";

/// Blobs as files under one folder.
#[derive(Debug, Clone)]
pub struct FolderBlobStore {
    root: PathBuf,
    policy: AttachmentPolicy,
}

impl FolderBlobStore {
    /// A store under `root` (created on the first write) with the default policy.
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            policy: AttachmentPolicy::default(),
        }
    }

    pub fn with_policy(self, policy: AttachmentPolicy) -> Self {
        Self { policy, ..self }
    }

    /// The file holding `key`'s bytes. A [`BlobKey`] has only plain segments, so this is always
    /// inside `root`.
    fn path_of(&self, key: &BlobKey) -> PathBuf {
        key.segments()
            .fold(self.root.clone(), |path, segment| path.join(segment))
    }

    /// The bytes under `key`, or `None` if there are none.
    async fn read(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, BlobError> {
        match tokio::fs::read(self.path_of(key)).await {
            Ok(bytes) => Ok(Some(bytes)),
            // A key whose path runs into a file (or is a folder of other blobs) names no blob.
            Err(error) if is_absent(&error) => Ok(None),
            Err(error) => Err(BlobError::storage(format!("reading {key}"), error)),
        }
    }
}

fn is_absent(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory | io::ErrorKind::IsADirectory
    )
}

#[async_trait]
impl BlobStore for FolderBlobStore {
    async fn put(&self, key: &BlobKey, declared: ContentType, bytes: Vec<u8>) -> Result<StoredBlob, BlobError> {
        let blob = admit(&self.policy, key, declared, &bytes)?;
        let path = self.path_of(key);
        let scratch = self.root.join(SCRATCH);
        let write = move || -> io::Result<()> {
            std::fs::create_dir_all(&scratch)?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            // The scratch folder is under the root, so the rename stays on one file system and is
            // atomic.
            let mut file = tempfile::NamedTempFile::new_in(&scratch)?;
            file.write_all(&bytes)?;
            file.as_file().sync_all()?;
            file.persist(&path).map_err(|error| error.error)?;
            Ok(())
        };
        match tokio::task::spawn_blocking(write).await {
            Ok(Ok(())) => Ok(blob),
            Ok(Err(error)) => Err(BlobError::storage(format!("writing {key}"), error)),
            Err(panicked) => Err(BlobError::storage(format!("writing {key}"), panicked)),
        }
    }

    async fn get(&self, key: &BlobKey) -> Result<Option<BlobContents>, BlobError> {
        match self.read(key).await? {
            Some(bytes) => describe(key, bytes).map(Some),
            None => Ok(None),
        }
    }

    /// The local server is not behind Lambda's 6 MB request cap, so it takes the bytes itself.
    async fn upload_target(
        &self,
        _key: &BlobKey,
        _declared: ContentType,
        size: u64,
        _ttl: Duration,
    ) -> Result<UploadTarget, BlobError> {
        self.policy.check_size(size)?;
        Ok(UploadTarget::ThroughServer)
    }

    /// Bytes reach this store only through [`BlobStore::put`], which already checked them, so
    /// this re-reads the file and holds it to `declared` without deleting anything.
    async fn confirm_upload(&self, key: &BlobKey, declared: ContentType) -> Result<StoredBlob, BlobError> {
        let bytes = self
            .read(key)
            .await?
            .ok_or_else(|| BlobError::NotUploaded { key: key.clone() })?;
        Ok(admit(&self.policy, key, declared, &bytes)?)
    }
}
