//! What every handler is handed: the store, a clock, and the deployment's settings.

use daftar_blob::SharedBlobStore;
use daftar_domain::session::{LoginThrottle, SessionPolicy};
use daftar_store::SharedStore;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use time::OffsetDateTime;

/// The time, supplied to the domain rather than read by it, so tests can move it.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> OffsetDateTime;
}

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that tests set and advance by hand.
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn at(start: OffsetDateTime) -> Self {
        Self(AtomicI64::new((start.unix_timestamp_nanos() / 1_000_000) as i64))
    }

    pub fn advance(&self, by: time::Duration) {
        self.0.fetch_add(by.whole_milliseconds() as i64, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        let millis = self.0.load(Ordering::SeqCst) as i128;
        OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000).expect("clock within range")
    }
}

/// Settings that differ between deployments.
#[derive(Debug, Clone, Default)]
pub struct ApiConfig {
    /// Origins, besides the request's own host, allowed to make state-changing requests
    /// (for example the CloudFront domain in front of API Gateway).
    pub allowed_origins: Vec<String>,
    /// Mark the session cookie `Secure` even when the request does not say it came over HTTPS.
    pub always_secure_cookies: bool,
    pub session: SessionPolicy,
    pub login_throttle: LoginThrottle,
}

/// Shared state of every router.
#[derive(Clone)]
pub struct AppState {
    pub store: SharedStore,
    /// Where attachments' bytes are kept.
    pub blobs: SharedBlobStore,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<ApiConfig>,
    /// Bounds how many password hashes are verified at once (see `auth::routes::check_password`).
    pub password_checks: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(store: SharedStore, blobs: SharedBlobStore, config: ApiConfig) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self {
            store,
            blobs,
            clock: Arc::new(SystemClock),
            config: Arc::new(config),
            password_checks: Arc::new(tokio::sync::Semaphore::new(cores * 2)),
        }
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }
}
