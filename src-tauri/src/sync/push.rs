//! One push: the plan's items for the account's person, compared with what
//! was last written to the server, and only the difference sent. Each write is
//! remembered the moment the server confirms it, so a sync cut short (the
//! server gone, the app closed) resumes where it stopped, and nothing is sent
//! twice or lost: what is not yet on the server is still a difference.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use quarterdeck_caldav::{Deleted, Written};
use serde::Serialize;

use super::{CalendarServer, PUBLISHED_KINDS, server_error};
use crate::domain::ics::plan_items::{self, CalendarKind, ExportScope};
use crate::store::{CalendarResource, PublishedItem, Store};
use crate::{Error, Result};

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PushReport {
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    pub unchanged: u32,
    /// Items another calendar app changed on the server since the last sync,
    /// left as they are there.
    pub conflicts: Vec<String>,
}

/// The account person's items as they should be on the server now.
pub fn wanted(store: &mut Store, now: DateTime<Utc>) -> Result<Vec<CalendarResource>> {
    let account = store.require_calendar_account()?;
    let scope = ExportScope {
        people: Some(vec![account.person_id]),
        from: None,
        to: None,
        cfp_alarms: plan_items::default_cfp_alarms(),
    };
    store.calendar_resources(PUBLISHED_KINDS, &scope, now)
}

pub fn push(store: &mut Store, server: &dyn CalendarServer, now: DateTime<Utc>) -> Result<PushReport> {
    let wanted = wanted(store, now)?;
    push_items(store, server, &wanted)
}

/// Sends the difference between `wanted` (the items as they should be now)
/// and what was last written.
pub fn push_items(store: &mut Store, server: &dyn CalendarServer, wanted: &[CalendarResource]) -> Result<PushReport> {
    let calendars: HashMap<CalendarKind, String> = store.published_calendars()?.into_iter().collect();
    let published: HashMap<String, PublishedItem> =
        store.published_items()?.into_iter().map(|p| (p.uid.clone(), p)).collect();
    let mut report = PushReport::default();
    for resource in wanted {
        let Some(calendar) = calendars.get(&resource.kind) else { continue };
        match published.get(&resource.uid) {
            Some(before) if on_server(before, resource) => report.unchanged += 1,
            Some(before) if before.kind == resource.kind => update(store, server, before, resource, &mut report)?,
            Some(before) => {
                // Moved to another kind's calendar: gone from the old, new in the other.
                remove(store, server, before, &mut report)?;
                create(store, server, calendar, resource, &mut report)?;
            }
            None => create(store, server, calendar, resource, &mut report)?,
        }
    }
    for before in gone(wanted, &published) {
        remove(store, server, before, &mut report)?;
    }
    Ok(report)
}

/// Whether `resource` is on the server as it is now (as last written, in the same calendar).
fn on_server(before: &PublishedItem, resource: &CalendarResource) -> bool {
    before.kind == resource.kind && before.digest == resource.digest
}

/// The items last written that the plan no longer has, in UID order.
fn gone<'a>(wanted: &[CalendarResource], published: &'a HashMap<String, PublishedItem>) -> Vec<&'a PublishedItem> {
    let kept: HashSet<&str> = wanted.iter().map(|r| r.uid.as_str()).collect();
    let mut gone: Vec<&PublishedItem> = published.values().filter(|p| !kept.contains(p.uid.as_str())).collect();
    gone.sort_by(|a, b| a.uid.cmp(&b.uid));
    gone
}

/// How many items a push would send or delete now; None without an account.
pub fn changes_waiting(store: &mut Store, now: DateTime<Utc>) -> Result<Option<u32>> {
    if store.calendar_account()?.is_none() {
        return Ok(None);
    }
    let wanted = wanted(store, now)?;
    let published: HashMap<String, PublishedItem> =
        store.published_items()?.into_iter().map(|p| (p.uid.clone(), p)).collect();
    let send = wanted.iter().filter(|r| published.get(&r.uid).is_none_or(|before| !on_server(before, r))).count();
    Ok(Some((send + gone(&wanted, &published).len()) as u32))
}

impl PushReport {
    /// This push followed by `again` (a second round in the same sync).
    pub(super) fn then(self, again: PushReport) -> PushReport {
        PushReport {
            created: self.created + again.created,
            updated: self.updated + again.updated,
            deleted: self.deleted + again.deleted,
            unchanged: again.unchanged,
            conflicts: again.conflicts,
        }
    }
}

fn create(
    store: &mut Store,
    server: &dyn CalendarServer,
    calendar: &str,
    resource: &CalendarResource,
    report: &mut PushReport,
) -> Result<()> {
    let href = format!("{}/{}.ics", calendar.trim_end_matches('/'), resource_name(&resource.uid));
    let etag = match server.create_item(&href, &resource.text).map_err(server_error)? {
        Written::Stored(etag) => etag,
        // Already there: written by a sync cut short before it was noted. It is ours (named by our UID).
        Written::Conflict => {
            let Some(current) = server.etag(&href).map_err(server_error)? else {
                return Err(Error::CalendarServer(format!("{href} is refused but not there; try again")));
            };
            match server.update_item(&href, &resource.text, &current).map_err(server_error)? {
                Written::Stored(etag) => etag,
                Written::Conflict => {
                    report.conflicts.push(format!("{}: changed on the server while it was written", resource.uid));
                    return Ok(());
                }
            }
        }
    };
    store.record_published(&published(resource, href, etag))?;
    report.created += 1;
    Ok(())
}

fn update(
    store: &mut Store,
    server: &dyn CalendarServer,
    before: &PublishedItem,
    resource: &CalendarResource,
    report: &mut PushReport,
) -> Result<()> {
    match server.update_item(&before.href, &resource.text, &before.etag).map_err(server_error)? {
        Written::Stored(etag) => {
            store.record_published(&published(resource, before.href.clone(), etag))?;
            report.updated += 1;
        }
        Written::Conflict => report.conflicts.push(format!(
            "{}: changed in another calendar app since the last sync; kept as it is there",
            resource.uid
        )),
    }
    Ok(())
}

fn remove(
    store: &mut Store,
    server: &dyn CalendarServer,
    before: &PublishedItem,
    report: &mut PushReport,
) -> Result<()> {
    match server.delete_item(&before.href, Some(&before.etag)).map_err(server_error)? {
        Deleted::Deleted | Deleted::Gone => {
            store.forget_published(&before.uid)?;
            report.deleted += 1;
        }
        Deleted::Conflict => report
            .conflicts
            .push(format!("{}: changed in another calendar app since the last sync; not deleted there", before.uid)),
    }
    Ok(())
}

fn published(resource: &CalendarResource, href: String, etag: String) -> PublishedItem {
    PublishedItem {
        uid: resource.uid.clone(),
        kind: resource.kind,
        href,
        etag,
        digest: resource.digest.clone(),
        text: resource.text.clone(),
    }
}

/// A resource name from a UID: letters, digits, `-`, `_` and `.` kept, anything else `-`.
fn resource_name(uid: &str) -> String {
    uid.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '-' }).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn resource_names_are_safe_in_a_path() {
        assert_eq!(super::resource_name("event-0193@quarterdeck.dev"), "event-0193-quarterdeck.dev");
        assert_eq!(super::resource_name("a/b c"), "a-b-c");
    }
}
