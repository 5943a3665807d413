//! Who is signed in, and the one-line status message the layout announces after an action.
//!
//! Both are shared through context. The session here is only the app's belief, for showing the
//! right page: the server checks the cookie on every request and decides.

use crate::api;
use daftar_domain::leave::application::ApplicationStatus;
use daftar_domain::leave::rules::Approver;
use daftar_domain::wire::Me;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// Asking the server at start-up.
    Checking,
    SignedOut,
    SignedIn(Me),
}

/// The session context.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
}

impl Session {
    /// Provides the context and asks the server who is signed in.
    pub fn provide() -> Self {
        let session = Session {
            state: RwSignal::new(SessionState::Checking),
        };
        provide_context(session);
        spawn_local(async move {
            // Any failure (no session, server unreachable) leads to the sign-in page, which
            // shows the actual error if signing in fails too.
            let state = match api::me().await {
                Ok(me) => SessionState::SignedIn(me),
                Err(_) => SessionState::SignedOut,
            };
            session.state.set(state);
        });
        session
    }

    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// The signed-in person, if any (tracked).
    pub fn me(&self) -> Option<Me> {
        self.state.with(|state| match state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    /// The signed-in person, if any, without tracking (for event handlers).
    pub fn me_untracked(&self) -> Option<Me> {
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    pub fn signed_in(&self, me: Me) {
        self.state.set(SessionState::SignedIn(me));
    }

    pub fn signed_out(&self) {
        if !matches!(self.state.get_untracked(), SessionState::SignedOut) {
            self.state.set(SessionState::SignedOut);
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// A message about something that just happened, tied to the page it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlashMessage {
    /// A receipt was diarised with this diary number.
    Diarised(String),
    /// A receipt was forwarded to this post (shown by its title).
    Forwarded { post_en: String, post_hi: String },
    /// A forward lost the race with someone else's; the page was reloaded.
    Conflict,
    /// A receipt was closed at the desk.
    ReceiptClosed,
    /// A paper receipt was marked received.
    ReceiptReceived,
    /// A file was opened with this number.
    FileCreated(String),
    /// Something was done to the file on this page.
    File(FileNews),
    /// A leave application was made; it waits with this approver.
    LeaveApplied(Option<Approver>),
    /// An official acted on a leave application: where it stands now.
    LeaveActed(ApplicationStatus, Option<Approver>),
}

/// What just happened to a file, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNews {
    /// A paper file was marked received.
    Received,
    /// Sent to this post (shown by its title).
    Sent {
        post_en: String,
        post_hi: String,
    },
    Recalled,
    Parked,
    Unparked,
    Closed,
    Reopened,
    NoteSaved,
    /// Signed as this paragraph.
    NoteSigned(u32),
    NoteDiscarded,
    ReceiptAttached,
    Linked,
    /// The file with this number was merged into the one on the page.
    Merged(String),
    /// The page's file is a new volume; the earlier one is closed.
    VolumeOpened,
    /// The page's file is a new part file.
    PartOpened,
}

/// The flash context: the message and the path it belongs to, so it disappears once the user
/// goes elsewhere.
#[derive(Debug, Clone, Copy)]
pub struct Flash {
    current: RwSignal<Option<(String, FlashMessage)>>,
}

impl Flash {
    pub fn provide() -> Self {
        let flash = Flash {
            current: RwSignal::new(None),
        };
        provide_context(flash);
        flash
    }

    /// Shows `message` while the user is on `path`.
    pub fn show(&self, path: String, message: FlashMessage) {
        self.current.set(Some((path, message)));
    }

    pub fn clear(&self) {
        self.current.set(None);
    }

    /// The message for this path, if any (tracked).
    pub fn for_path(&self, path: &str) -> Option<FlashMessage> {
        self.current.with(|current| match current {
            Some((at, message)) if at == path => Some(message.clone()),
            _ => None,
        })
    }
}

pub fn use_flash() -> Flash {
    expect_context::<Flash>()
}
