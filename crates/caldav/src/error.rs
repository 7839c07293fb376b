//! What can go wrong talking to a calendar server, in words a person can act on.

/// One failure, as the person setting up the account needs to hear it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalDavError {
    #[error("{0}")]
    BadUrl(String),

    #[error("the server refused the user name or password (401); check them, or use an app password")]
    Unauthorized,

    #[error("the server refused access to {0} (403)")]
    Forbidden(String),

    #[error("no calendar server (CalDAV) answers at {0}; check the address")]
    NotCalDav(String),

    #[error("the server cannot be reached ({0}); check the address and the network")]
    Unreachable(String),

    #[error("the secure connection was refused: {0}")]
    Tls(String),

    #[error("the calendar {0} does not accept {1} items")]
    Unsupported(String, String),

    #[error("the server answered {status} to {what}")]
    Server { status: u16, what: String },

    #[error("the server's answer could not be read: {0}")]
    Protocol(String),
}
