//! Calendar items on the server, one resource per item, written only when the
//! server still holds what we last saw: create with `If-None-Match: *`,
//! update and delete with `If-Match` on the last ETag (RFC 4791 §5.3.2,
//! RFC 7232). A refusal (412) means another client changed it meanwhile.

use libdav::dav::{Delete, GetEtag, PutResource, WebDavError};

use crate::CalDavError;
use crate::connection::{Connection, webdav_error};

const ICALENDAR: &str = "text/calendar; charset=utf-8";

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Stored; the server's new ETag.
    Stored(String),
    /// Refused: the resource is not what we expected (it exists, or changed since our ETag).
    Conflict,
}

/// What a delete did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    Deleted,
    /// It was gone already: as good as deleted.
    Gone,
    /// Refused: it changed since our ETag.
    Conflict,
}

fn is_conflict<E>(err: &WebDavError<E>) -> bool {
    match err {
        WebDavError::PreconditionFailed(_) => true,
        WebDavError::BadStatusCode(status) => status.as_u16() == 412,
        _ => false,
    }
}

impl Connection {
    /// Creates the item at `href`, unless something is there already.
    pub fn create_item(&self, href: &str, ics: &str) -> Result<Written, CalDavError> {
        let asked =
            self.bounded("writing an item", self.client.request(PutResource::new(href).create(ics, ICALENDAR)))?;
        self.written(href, asked.map(|r| r.etag))
    }

    /// Replaces the item at `href`, if it still has `etag`.
    pub fn update_item(&self, href: &str, ics: &str, etag: &str) -> Result<Written, CalDavError> {
        let asked =
            self.bounded("writing an item", self.client.request(PutResource::new(href).update(ics, ICALENDAR, etag)))?;
        self.written(href, asked.map(|r| r.etag))
    }

    fn written<E>(&self, href: &str, asked: Result<Option<String>, WebDavError<E>>) -> Result<Written, CalDavError>
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        match asked {
            Ok(Some(etag)) => Ok(Written::Stored(etag)),
            // Some servers answer a PUT without its ETag: ask for it.
            Ok(None) => match self.etag(href)? {
                Some(etag) => Ok(Written::Stored(etag)),
                None => Err(CalDavError::Protocol(format!("{href} was written but the server does not show it"))),
            },
            Err(e) if is_conflict(&e) => Ok(Written::Conflict),
            Err(e) => Err(webdav_error(self.server(), &format!("writing {href}"), e)),
        }
    }

    /// Deletes the item at `href`, if it still has `etag` (or whatever it holds, with none).
    pub fn delete_item(&self, href: &str, etag: Option<&str>) -> Result<Deleted, CalDavError> {
        let asked = match etag {
            Some(etag) => {
                self.bounded("deleting an item", self.client.request(Delete::new(href).with_etag(etag)))?.map(|_| ())
            }
            None => self.bounded("deleting an item", self.client.request(Delete::new(href).force()))?.map(|_| ()),
        };
        match asked {
            Ok(()) => Ok(Deleted::Deleted),
            Err(WebDavError::BadStatusCode(status)) if status.as_u16() == 404 => Ok(Deleted::Gone),
            Err(e) if is_conflict(&e) => Ok(Deleted::Conflict),
            Err(e) => Err(webdav_error(self.server(), &format!("deleting {href}"), e)),
        }
    }

    /// The item's current ETag, or `None` when nothing is at `href`.
    pub fn etag(&self, href: &str) -> Result<Option<String>, CalDavError> {
        match self.bounded("reading an item", self.client.request(GetEtag::new(href)))? {
            Ok(found) => Ok(Some(found.etag)),
            Err(WebDavError::BadStatusCode(status)) if status.as_u16() == 404 => Ok(None),
            Err(e) => Err(webdav_error(self.server(), &format!("reading {href}"), e)),
        }
    }
}
