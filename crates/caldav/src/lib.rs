//! Quarterdeck's CalDAV client: finds a person's calendars on their server
//! (RFC 6764 discovery, then RFC 4791's principal and calendar home) and
//! creates the ones Quarterdeck publishes to. It knows HTTP and WebDAV, not
//! the plan: the app decides what goes where, behind a trait of its own.
//!
//! Built on libdav (the vdirsyncer/pimsync author's requests) over hyper with
//! rustls; its types stay inside this crate, since its API still changes.

mod address;
mod changes;
mod connection;
mod discovery;
mod error;
mod resources;

pub use address::ServerUrl;
pub use changes::{Changes, FetchedItem};
pub use connection::Connection;
pub use discovery::{Component, Discovery, RemoteCalendar};
pub use error::CalDavError;
pub use resources::{Deleted, Written};
