//! Session and login-throttling policy: pure decisions over timestamps the caller supplies.

use time::{Duration, OffsetDateTime};

/// How long a session may sit unused, and how long it may live at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        // An office day: a session survives lunch but not the night.
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

impl SessionPolicy {
    /// A wall screen's: it polls all day and should not need signing in again every morning; it
    /// can only watch, so a long session risks little.
    pub fn wall_screen() -> Self {
        Self {
            idle: Duration::days(1),
            absolute: Duration::days(30),
        }
    }
}

/// Whether a session may be used now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    Active,
    IdleExpired,
    AbsoluteExpired,
}

impl SessionPolicy {
    pub fn state(&self, created: OffsetDateTime, last_seen: OffsetDateTime, now: OffsetDateTime) -> SessionState {
        if now - created >= self.absolute {
            SessionState::AbsoluteExpired
        } else if now - last_seen >= self.idle {
            SessionState::IdleExpired
        } else {
            SessionState::Active
        }
    }

    /// The moment after which the store may forget the session whatever happens.
    pub fn hard_expiry(&self, created: OffsetDateTime) -> OffsetDateTime {
        created + self.absolute
    }

    /// Whether `last_seen` is old enough to be worth writing again. Touching on every request would
    /// turn every read into a write; a minute's precision is plenty for a 30-minute idle limit.
    pub fn needs_touch(&self, last_seen: OffsetDateTime, now: OffsetDateTime) -> bool {
        now - last_seen >= Duration::minutes(1)
    }
}

/// Sign-in attempts counted in a window per employee ID (whether or not that ID exists). An
/// attempt is counted before its password is checked; a successful sign-in clears the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SignInAttempts {
    pub window_start_unix: i64,
    pub count: u32,
}

/// How many attempts are allowed in a window before sign-ins for that ID pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginThrottle {
    pub max_attempts: u32,
    pub window: Duration,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            window: Duration::minutes(15),
        }
    }
}

impl LoginThrottle {
    /// `Err(seconds to wait)` when this ID has been tried too often recently.
    pub fn check(&self, attempts: SignInAttempts, now: OffsetDateTime) -> Result<(), i64> {
        let window_end = attempts.window_start_unix + self.window.whole_seconds();
        if attempts.count >= self.max_attempts && now.unix_timestamp() < window_end {
            Err(window_end - now.unix_timestamp())
        } else {
            Ok(())
        }
    }

    /// The record after one more attempt at `now`.
    pub fn record_attempt(&self, attempts: SignInAttempts, now: OffsetDateTime) -> SignInAttempts {
        let now_unix = now.unix_timestamp();
        if now_unix >= attempts.window_start_unix + self.window.whole_seconds() {
            SignInAttempts {
                window_start_unix: now_unix,
                count: 1,
            }
        } else {
            SignInAttempts {
                count: attempts.count + 1,
                ..attempts
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-23 09:00 UTC);

    #[test]
    fn session_states() {
        let policy = SessionPolicy::default();
        let cases = [
            (Duration::minutes(0), Duration::minutes(29), SessionState::Active),
            (Duration::minutes(0), Duration::minutes(30), SessionState::IdleExpired),
            (
                Duration::hours(11) + Duration::minutes(45),
                Duration::hours(11) + Duration::minutes(59),
                SessionState::Active,
            ),
            (
                Duration::hours(11) + Duration::minutes(50),
                Duration::hours(12),
                SessionState::AbsoluteExpired,
            ),
        ];
        for (seen_after, now_after, expected) in cases {
            assert_eq!(
                policy.state(T0, T0 + seen_after, T0 + now_after),
                expected,
                "{seen_after} {now_after}"
            );
        }
    }

    #[test]
    fn throttle_pauses_after_too_many_failures_then_resets() {
        let throttle = LoginThrottle::default();
        let mut attempts = SignInAttempts::default();
        for i in 0..5 {
            assert!(throttle.check(attempts, T0 + Duration::seconds(i)).is_ok());
            attempts = throttle.record_attempt(attempts, T0 + Duration::seconds(i));
        }
        assert_eq!(attempts.count, 5);
        let wait = throttle.check(attempts, T0 + Duration::minutes(1)).unwrap_err();
        assert_eq!(wait, 14 * 60);
        assert!(throttle.check(attempts, T0 + Duration::minutes(15)).is_ok());
        let after = throttle.record_attempt(attempts, T0 + Duration::minutes(16));
        assert_eq!(after.count, 1);
    }
}
