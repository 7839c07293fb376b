//! Reading a calendar's changes: WebDAV sync (RFC 6578) from the token the
//! last read ended with, then the changed items' data with calendar-multiget
//! (RFC 4791 §7.9), since not every server sends data inside the sync report.
//! A token the server no longer honours (403 or 412 with `valid-sync-token`)
//! is answered by a full listing, which the caller diffs against what it has.

use libdav::caldav::GetCalendarResources;
use libdav::dav::{SyncCollection, WebDavError};

use crate::CalDavError;
use crate::connection::{Connection, webdav_error};

/// What changed in a calendar since a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Items added or changed: `(href, etag)`.
    pub changed: Vec<(String, String)>,
    /// Items gone.
    pub deleted: Vec<String>,
    /// The token to read the next changes from.
    pub token: String,
    /// The whole calendar was listed (no token, or it was no longer valid):
    /// `changed` is everything there, and anything else known is gone.
    pub complete: bool,
}

/// One item's text as the server holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedItem {
    pub href: String,
    pub etag: String,
    pub data: String,
}

fn invalid_token<E>(err: &WebDavError<E>) -> bool {
    match err {
        WebDavError::PreconditionFailed(_) => true,
        // Servers differ: Radicale answers 403, Xandikos 412, both naming valid-sync-token.
        WebDavError::BadStatusCode(status) => matches!(status.as_u16(), 403 | 412),
        _ => false,
    }
}

impl Connection {
    /// What changed in the calendar at `href` since `token` (everything, with none).
    pub fn changes(&self, href: &str, token: Option<&str>) -> Result<Changes, CalDavError> {
        if let Some(token) = token {
            let asked = self.bounded(
                "the calendar's changes",
                self.client.request(SyncCollection::new(href).with_sync_token(token)),
            )?;
            match asked {
                Ok(found) => return Ok(changes(found, false)),
                Err(e) if invalid_token(&e) => {}
                Err(e) => return Err(webdav_error(self.server(), &format!("reading the changes of {href}"), e)),
            }
        }
        let found = self.run(&format!("listing {href}"), self.client.request(SyncCollection::new(href)))?;
        Ok(changes(found, true))
    }

    /// The text of the items at `hrefs` in the calendar at `calendar` (those still there).
    pub fn fetch(&self, calendar: &str, hrefs: &[String]) -> Result<Vec<FetchedItem>, CalDavError> {
        if hrefs.is_empty() {
            return Ok(Vec::new());
        }
        let request = GetCalendarResources::new(calendar).with_hrefs(hrefs);
        let found = self.run(&format!("reading items of {calendar}"), self.client.request(request))?;
        Ok(found
            .resources
            .into_iter()
            .filter_map(|r| r.content.ok().map(|c| FetchedItem { href: r.href, etag: c.etag, data: c.data }))
            .collect())
    }
}

fn changes(found: libdav::dav::SyncCollectionResponse, complete: bool) -> Changes {
    Changes {
        changed: found
            .changed
            .into_iter()
            .filter(|r| !r.resource_type.is_collection)
            .filter_map(|r| Some((r.href, r.etag?)))
            .collect(),
        deleted: found.deleted,
        token: found.new_sync_token,
        complete,
    }
}
