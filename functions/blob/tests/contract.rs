//! The blob store contract: one suite, run against both backends.
//!
//! Each contract is an `async fn(SharedBlobStore)`; the `contract!` macro turns each into one test
//! per backend (`folder::name`, `s3::name`), each on fresh storage: a new temporary folder, or a
//! new uniquely named bucket. The S3 tests need an S3-compatible server at `DAFTAR_S3_ENDPOINT`
//! (`scripts/with-moto.sh` starts moto and sets it) and fail without one rather than skip: a
//! green run must have tested both backends.
//!
//! Uploads go wherever [`BlobStore::upload_target`] says: a real HTTP `PUT` to the presigned URL
//! for S3, [`BlobStore::put`] for the folder. The stores use a 64 KiB limit so that "too large"
//! stays cheap to test.

use daftar_blob::folder::FolderBlobStore;
use daftar_blob::s3::{S3BlobStore, ENDPOINT_ENV, STAGING_PREFIX};
use daftar_blob::{
    AttachmentPolicy, BlobError, BlobKey, BlobStore, ContentType, Refusal, Sha256Digest, SharedBlobStore, StoredBlob,
    UploadTarget,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

// ---------------------------------------------------------------------------------------------
// Fixtures

const MAX_BYTES: u64 = 64 * 1024;
const TTL: Duration = Duration::from_secs(300);

fn policy() -> AttachmentPolicy {
    AttachmentPolicy { max_bytes: MAX_BYTES }
}

/// Fresh storage for one test; the temporary folder, if any, goes when it is dropped.
struct Fixture {
    store: SharedBlobStore,
    _dir: Option<tempfile::TempDir>,
}

fn folder_fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    Fixture {
        store: Arc::new(FolderBlobStore::new(dir.path().join("blobs")).with_policy(policy())),
        _dir: Some(dir),
    }
}

fn s3_endpoint() -> String {
    match std::env::var(ENDPOINT_ENV) {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "{ENDPOINT_ENV} is not set, so the S3 half of the blob contract cannot run. It needs an \
             S3-compatible server; run the tests through scripts/with-moto.sh, which starts moto and \
             sets it: scripts/with-moto.sh cargo test -p daftar-blob"
        ),
    }
}

/// A bucket name no other test or earlier run against the same server has used.
fn unique_bucket() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "daftar-blob-{}-{}-{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

async fn s3_store() -> S3BlobStore {
    s3_endpoint();
    let store = S3BlobStore::from_env(unique_bucket()).await.with_policy(policy());
    store
        .create_bucket_if_missing()
        .await
        .unwrap_or_else(|error| panic!("create bucket {} at {}: {error}", store.bucket(), s3_endpoint()));
    store
}

async fn s3_fixture() -> Fixture {
    Fixture {
        store: Arc::new(s3_store().await),
        _dir: None,
    }
}

/// One test per contract and backend.
macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod folder {
            $(
                #[tokio::test]
                async fn $name() {
                    let fixture = super::folder_fixture();
                    super::$name(fixture.store.clone()).await;
                }
            )*
        }
        mod s3 {
            $(
                #[tokio::test]
                async fn $name() {
                    let fixture = super::s3_fixture().await;
                    super::$name(fixture.store.clone()).await;
                }
            )*
        }
    };
}

contract!(
    round_trip_keeps_type_size_and_hash,
    put_replaces_the_blob,
    declared_type_must_match_the_contents,
    too_large_is_refused_and_the_limit_itself_accepted,
    empty_is_refused,
    missing_key_is_none,
    upload_then_confirm_records_what_was_stored,
    confirming_twice_gives_the_same_blob,
    disguised_upload_is_refused_and_removed,
    upload_of_another_type_than_declared_is_refused_and_removed,
    oversized_upload_is_refused_and_removed,
    upload_target_refuses_sizes_the_policy_refuses,
);

// ---------------------------------------------------------------------------------------------
// Helpers

fn key(text: &str) -> BlobKey {
    BlobKey::parse(text).expect("valid test key")
}

/// A file of exactly `len` bytes (at least its signature) that sniffs as `kind`, filled with a
/// pattern that depends on `seed` so that different files hash differently.
fn file(kind: ContentType, len: usize, seed: u8) -> Vec<u8> {
    let signature: &[u8] = match kind {
        ContentType::Pdf => b"%PDF-1.7\n",
        ContentType::Jpeg => &[0xFF, 0xD8, 0xFF, 0xE0],
        ContentType::Png => &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
    };
    let mut bytes = signature.to_vec();
    bytes.extend((0..len.saturating_sub(signature.len())).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

/// A Windows executable, the classic thing to rename to `letter.pdf`.
fn executable() -> Vec<u8> {
    let mut bytes = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF".to_vec();
    bytes.extend(b"This program cannot be run in DOS mode.".iter());
    bytes
}

#[track_caller]
fn refused(result: Result<StoredBlob, BlobError>) -> Refusal {
    match result {
        Err(BlobError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Sends `bytes` the way `target` says, as a client would: to the server, which may refuse
/// them, or to the presigned URL, where a turned-down request becomes a storage failure.
async fn upload(
    store: &SharedBlobStore,
    target: UploadTarget,
    key: &BlobKey,
    declared: ContentType,
    bytes: Vec<u8>,
) -> Result<(), BlobError> {
    match target {
        UploadTarget::ThroughServer => store.put(key, declared, bytes).await.map(drop),
        UploadTarget::Presigned { url, method, headers } => {
            assert_eq!(method, "PUT");
            let mut request = reqwest::Client::new().put(&url).body(bytes);
            // The HTTP client sets Content-Length from the body, as a browser does (it may not be
            // set by hand there), so a client sending more than it declared is mimicked faithfully.
            for (name, value) in headers
                .into_iter()
                .filter(|(name, _)| !name.eq_ignore_ascii_case("content-length"))
            {
                request = request.header(name, value);
            }
            let response = request.send().await.expect("send the presigned upload");
            if response.status().is_success() {
                Ok(())
            } else {
                Err(BlobError::Storage {
                    doing: format!("uploading to {url}"),
                    detail: format!("{}: {}", response.status(), response.text().await.unwrap_or_default()),
                })
            }
        }
    }
}

/// Asks where to send `bytes`, sends them there, and confirms: the whole client-side journey.
async fn upload_and_confirm(
    store: &SharedBlobStore,
    key: &BlobKey,
    declared: ContentType,
    bytes: Vec<u8>,
) -> Result<StoredBlob, BlobError> {
    let target = store.upload_target(key, declared, bytes.len() as u64, TTL).await?;
    upload(store, target, key, declared, bytes).await?;
    store.confirm_upload(key, declared).await
}

/// Nothing of a refused upload is left: no blob, and nothing waiting to be confirmed.
async fn assert_nothing_kept(store: &SharedBlobStore, key: &BlobKey, declared: ContentType) {
    assert_eq!(store.get(key).await.unwrap(), None, "refused blob is readable");
    assert!(
        matches!(
            store.confirm_upload(key, declared).await,
            Err(BlobError::NotUploaded { .. })
        ),
        "refused upload is still there to confirm"
    );
}

// ---------------------------------------------------------------------------------------------
// Contracts

async fn round_trip_keeps_type_size_and_hash(store: SharedBlobStore) {
    for (n, kind) in ContentType::ALL.into_iter().enumerate() {
        // Given a valid file of each type
        let key = key(&format!("receipts/R-2026-ABC/{n}"));
        let bytes = file(kind, 10_000 + n, n as u8);

        // When it is stored and read back
        let stored = store.put(&key, kind, bytes.clone()).await.expect("put");
        let read = store.get(&key).await.expect("get").expect("blob is there");

        // Then the bytes, type, size and hash are what went in
        let expected = StoredBlob {
            key: key.clone(),
            content_type: kind,
            size: bytes.len() as u64,
            sha256: Sha256Digest::of(&bytes),
        };
        assert_eq!(stored, expected);
        assert_eq!(read.blob, expected);
        assert_eq!(read.bytes, bytes);
    }
}

async fn put_replaces_the_blob(store: SharedBlobStore) {
    let key = key("notes/F-7/1");
    store
        .put(&key, ContentType::Pdf, file(ContentType::Pdf, 500, 1))
        .await
        .unwrap();
    let scan = file(ContentType::Jpeg, 700, 2);
    store.put(&key, ContentType::Jpeg, scan.clone()).await.unwrap();

    let read = store.get(&key).await.unwrap().unwrap();
    assert_eq!(read.blob.content_type, ContentType::Jpeg);
    assert_eq!(read.bytes, scan);
}

async fn declared_type_must_match_the_contents(store: SharedBlobStore) {
    let key = key("receipts/R-1/1");
    assert_eq!(
        refused(store.put(&key, ContentType::Pdf, file(ContentType::Png, 100, 0)).await),
        Refusal::TypeMismatch {
            declared: ContentType::Pdf,
            detected: ContentType::Png
        }
    );
    assert_eq!(
        refused(store.put(&key, ContentType::Pdf, executable()).await),
        Refusal::UnsupportedType
    );
    assert_eq!(
        refused(store.put(&key, ContentType::Png, b"GIF89a\x01\x00".to_vec()).await),
        Refusal::UnsupportedType
    );
    assert_eq!(store.get(&key).await.unwrap(), None, "a refused file was stored");
}

async fn too_large_is_refused_and_the_limit_itself_accepted(store: SharedBlobStore) {
    let key = key("receipts/R-1/1");
    let too_large = file(ContentType::Pdf, MAX_BYTES as usize + 1, 0);
    assert_eq!(
        refused(store.put(&key, ContentType::Pdf, too_large).await),
        Refusal::TooLarge { max: MAX_BYTES }
    );
    assert_eq!(store.get(&key).await.unwrap(), None);

    let largest = file(ContentType::Pdf, MAX_BYTES as usize, 0);
    let stored = store.put(&key, ContentType::Pdf, largest).await.unwrap();
    assert_eq!(stored.size, MAX_BYTES);
}

async fn empty_is_refused(store: SharedBlobStore) {
    let key = key("receipts/R-1/1");
    assert_eq!(
        refused(store.put(&key, ContentType::Pdf, Vec::new()).await),
        Refusal::Empty
    );
    assert_eq!(store.get(&key).await.unwrap(), None);
}

async fn missing_key_is_none(store: SharedBlobStore) {
    assert_eq!(store.get(&key("receipts/R-404/1")).await.unwrap(), None);
    // A key that is a prefix of a stored one names no blob either.
    store
        .put(&key("receipts/R-1/1"), ContentType::Png, file(ContentType::Png, 50, 0))
        .await
        .unwrap();
    assert_eq!(store.get(&key("receipts/R-1")).await.unwrap(), None);
    assert_eq!(store.get(&key("receipts/R-1/1/x")).await.unwrap(), None);
    assert!(matches!(
        store.confirm_upload(&key("receipts/R-404/1"), ContentType::Pdf).await,
        Err(BlobError::NotUploaded { key }) if key.as_ref() == "receipts/R-404/1"
    ));
}

async fn upload_then_confirm_records_what_was_stored(store: SharedBlobStore) {
    // Given a scanned letter larger than most request bodies a test sends
    let key = key("receipts/R-2026-ABC/1");
    let scan = file(ContentType::Jpeg, 60_000, 9);

    // When the client uploads it where the store says and the API confirms it
    let confirmed = upload_and_confirm(&store, &key, ContentType::Jpeg, scan.clone())
        .await
        .expect("upload and confirm");

    // Then what is recorded describes the stored bytes, and they read back unchanged
    assert_eq!(confirmed.content_type, ContentType::Jpeg);
    assert_eq!(confirmed.size, scan.len() as u64);
    assert_eq!(confirmed.sha256, Sha256Digest::of(&scan));
    let read = store.get(&key).await.unwrap().expect("confirmed blob is readable");
    assert_eq!(read.blob, confirmed);
    assert_eq!(read.bytes, scan);
}

async fn confirming_twice_gives_the_same_blob(store: SharedBlobStore) {
    let key = key("drafts/D-3/2");
    let letter = file(ContentType::Pdf, 3_000, 4);
    let first = upload_and_confirm(&store, &key, ContentType::Pdf, letter)
        .await
        .unwrap();
    let again = store.confirm_upload(&key, ContentType::Pdf).await.unwrap();
    assert_eq!(again, first);
}

async fn disguised_upload_is_refused_and_removed(store: SharedBlobStore) {
    // Given an executable renamed to letter.pdf
    let key = key("receipts/R-9/1");

    // When it is uploaded as a PDF
    let result = upload_and_confirm(&store, &key, ContentType::Pdf, executable()).await;

    // Then it is refused, at the server or at confirmation, and nothing of it is kept
    assert_eq!(refused(result), Refusal::UnsupportedType);
    assert_nothing_kept(&store, &key, ContentType::Pdf).await;
}

async fn upload_of_another_type_than_declared_is_refused_and_removed(store: SharedBlobStore) {
    let key = key("receipts/R-9/2");
    let result = upload_and_confirm(&store, &key, ContentType::Pdf, file(ContentType::Png, 2_000, 0)).await;
    assert_eq!(
        refused(result),
        Refusal::TypeMismatch {
            declared: ContentType::Pdf,
            detected: ContentType::Png
        }
    );
    assert_nothing_kept(&store, &key, ContentType::Pdf).await;
}

async fn oversized_upload_is_refused_and_removed(store: SharedBlobStore) {
    // Given an upload target for a small file
    let key = key("receipts/R-9/3");
    let target = store.upload_target(&key, ContentType::Pdf, 1_000, TTL).await.unwrap();

    // When the client sends more than the limit instead
    let too_large = file(ContentType::Pdf, MAX_BYTES as usize * 2, 0);
    let sent = upload(&store, target, &key, ContentType::Pdf, too_large).await;

    // Then the bytes are turned down, or confirming what reached storage refuses them; nothing
    // is kept
    match sent {
        // Storage took them: moto does not check signatures.
        Ok(()) => assert_eq!(
            refused(store.confirm_upload(&key, ContentType::Pdf).await),
            Refusal::TooLarge { max: MAX_BYTES }
        ),
        // The local server refused them.
        Err(BlobError::Refused(refusal)) => assert_eq!(refusal, Refusal::TooLarge { max: MAX_BYTES }),
        // S3 refused a body of another length than the signed Content-Length.
        Err(BlobError::Storage { .. }) => {}
        Err(other) => panic!("unexpected {other:?}"),
    }
    assert_nothing_kept(&store, &key, ContentType::Pdf).await;
}

async fn upload_target_refuses_sizes_the_policy_refuses(store: SharedBlobStore) {
    let key = key("receipts/R-1/1");
    let refusal = |result: Result<UploadTarget, BlobError>| match result {
        Err(BlobError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refusal(store.upload_target(&key, ContentType::Pdf, MAX_BYTES + 1, TTL).await),
        Refusal::TooLarge { max: MAX_BYTES }
    );
    assert_eq!(
        refusal(store.upload_target(&key, ContentType::Pdf, 0, TTL).await),
        Refusal::Empty
    );
    assert!(store
        .upload_target(&key, ContentType::Pdf, MAX_BYTES, TTL)
        .await
        .is_ok());
}

// ---------------------------------------------------------------------------------------------
// What differs between the backends

/// The folder takes uploads through the local server and keeps each blob as a plain file at the
/// path its key spells, with nothing else left behind.
#[tokio::test]
async fn folder_takes_uploads_through_the_server_and_keeps_plain_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("blobs");
    let store = FolderBlobStore::new(root.clone());
    let key = key("receipts/R-2026-ABC/1");
    assert_eq!(
        store.upload_target(&key, ContentType::Pdf, 10, TTL).await.unwrap(),
        UploadTarget::ThroughServer
    );

    let letter = file(ContentType::Pdf, 1_000, 0);
    store.put(&key, ContentType::Pdf, letter.clone()).await.unwrap();
    assert_eq!(std::fs::read(root.join("receipts/R-2026-ABC/1")).unwrap(), letter);
    let scratch: Vec<_> = std::fs::read_dir(root.join(".tmp")).unwrap().collect();
    assert!(scratch.is_empty(), "scratch files left behind: {scratch:?}");
}

/// S3 hands out a presigned PUT for a staging object, and the blob appears under its own key only
/// once confirmed.
#[tokio::test]
async fn s3_presigns_a_put_to_staging_and_confirm_moves_it_into_place() {
    let store: SharedBlobStore = Arc::new(s3_store().await);
    let key = key("receipts/R-2026-ABC/1");
    let target = store.upload_target(&key, ContentType::Png, 2_000, TTL).await.unwrap();
    let UploadTarget::Presigned { url, method, headers } = &target else {
        panic!("expected a presigned upload, got {target:?}");
    };
    assert_eq!(method, "PUT");
    assert!(url.starts_with(&s3_endpoint()), "{url} is not on the test server");
    assert!(
        url.contains(&format!("/{STAGING_PREFIX}receipts/R-2026-ABC/1?")),
        "{url}"
    );
    assert!(url.contains("X-Amz-Signature="), "{url} is not signed");
    // Both are signed, so S3 takes only a PNG of the declared length.
    let header = |wanted: &str| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            .map(|(_, value)| value.as_str())
    };
    assert_eq!(header("content-type"), Some("image/png"), "{headers:?}");
    assert_eq!(header("content-length"), Some("2000"), "{headers:?}");
    assert!(
        url.contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"),
        "{url}"
    );

    let scan = file(ContentType::Png, 2_000, 3);
    upload(&store, target, &key, ContentType::Png, scan.clone())
        .await
        .unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None, "visible before confirmation");
    store.confirm_upload(&key, ContentType::Png).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap().unwrap().bytes, scan);
}

/// Storage that cannot be reached is a failure to retry (503), never a refusal (4xx).
#[tokio::test]
async fn unreachable_storage_is_a_failure_not_a_refusal() {
    // Port 1 on the loopback address: nothing listens there, so every connection is refused.
    let config = aws_config::from_env().endpoint_url("http://127.0.0.1:1").load().await;
    let s3 = S3BlobStore::new(&config, "daftar-nowhere");
    let dir = tempfile::tempdir().unwrap();
    // A folder whose root is a file cannot hold anything.
    std::fs::write(dir.path().join("root"), b"not a folder").unwrap();
    let folder = FolderBlobStore::new(dir.path().join("root"));

    let key = key("receipts/R-1/1");
    for store in [Arc::new(s3) as SharedBlobStore, Arc::new(folder)] {
        let put = store.put(&key, ContentType::Pdf, file(ContentType::Pdf, 100, 0)).await;
        assert!(matches!(put, Err(BlobError::Storage { .. })), "{put:?}");
    }
}
