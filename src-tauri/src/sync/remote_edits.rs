//! Edits made in other calendar apps to what the plan published: each
//! published calendar read from its last token, and every item whose ETag is
//! not the one we wrote fetched and merged into the record it came from
//! (title, times and location, field by field; see `remote_edit`). The next
//! push writes the merged item back over the server's copy, with `If-Match`
//! on the ETag just read. Every decision is logged and reported.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::{CalendarServer, server_error};
use crate::Result;
use crate::domain::ics::remote_edit::{self, ItemFields, Merged, Source};
use crate::store::{CalendarResource, PublishedItem, Store};

/// Reads every published calendar's changes and merges what another app
/// edited. The notes say, item by item, what came in and what was kept.
pub fn pull_edits(
    store: &mut Store,
    server: &dyn CalendarServer,
    wanted: &[CalendarResource],
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    let ours: HashMap<&str, &CalendarResource> = wanted.iter().map(|r| (r.uid.as_str(), r)).collect();
    for (kind, calendar) in store.published_calendars()? {
        let token = store.published_token(&calendar)?;
        let changes = server.changes(&calendar, token.as_deref()).map_err(server_error)?;
        let published: HashMap<String, PublishedItem> =
            store.published_items()?.into_iter().filter(|p| p.kind == kind).map(|p| (p.href.clone(), p)).collect();
        // Ours, with an ETag we did not write. Items other apps added here are theirs to keep.
        let edited: Vec<String> = changes
            .changed
            .iter()
            .filter(|(href, etag)| published.get(href).is_some_and(|p| &p.etag != etag))
            .map(|(href, _)| href.clone())
            .collect();
        let mut gone: HashSet<&String> = changes.deleted.iter().filter(|h| published.contains_key(*h)).collect();
        if changes.complete {
            let listed: HashSet<&str> = changes.changed.iter().map(|(h, _)| h.as_str()).collect();
            gone.extend(published.keys().filter(|h| !listed.contains(h.as_str())));
        }
        for href in gone {
            let item = &published[href];
            // Published again by the next push: the plan still holds it.
            store.forget_published(&item.uid)?;
            if ours.contains_key(item.uid.as_str()) {
                notes.push(format!(
                    "{}: deleted in another calendar app; published again from the plan (delete it in Quarterdeck \
                     to remove it)",
                    label(ours[item.uid.as_str()])
                ));
            }
        }
        for fetched in server.fetch(&calendar, &edited).map_err(server_error)? {
            let Some(before) = published.get(&fetched.href) else { continue };
            let decided = resolve(store, before, ours.get(before.uid.as_str()).copied(), &fetched.data, now)?;
            notes.extend(decided);
            // The merged item goes back over this copy: with the copy's ETag, and no digest so it is sent.
            store.record_published(&PublishedItem { etag: fetched.etag, digest: String::new(), ..before.clone() })?;
        }
        store.set_published_token(&calendar, &changes.token)?;
    }
    for note in &notes {
        log::warn!("calendar sync: {note}");
    }
    Ok(notes)
}

/// Merges the server's copy of one item into its record; what was decided, in words.
fn resolve(
    store: &mut Store,
    before: &PublishedItem,
    ours: Option<&CalendarResource>,
    theirs_text: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let uid = before.uid.as_str();
    let Some(ours) = ours else {
        return Ok(vec![format!("{uid}: deleted here; the change another calendar app made to it goes with it")]);
    };
    let Some((theirs, theirs_at)) = ItemFields::read(theirs_text, uid) else {
        return Ok(vec![format!(
            "{}: the server's copy no longer reads as this item; replaced by the plan's",
            label(ours)
        )]);
    };
    let Some((mine, _)) = ItemFields::read(&ours.text, uid) else { return Ok(Vec::new()) };
    let base = ItemFields::read(&before.text, uid).map(|(f, _)| f);
    let source = Source::of(uid);
    let changed_at = match source {
        Some(Source::Event(id) | Source::Cfp(id)) => store.event(id)?.updated_at,
        Some(Source::ContentDue(id) | Source::ContentPublish(id)) => store.content_item(id)?.updated_at,
        _ => now,
    };
    let merged = remote_edit::merge(&label(ours), base.as_ref(), &mine, changed_at, &theirs, theirs_at);
    if merged.taken.is_empty() {
        return Ok(merged.notes);
    }
    apply(store, source, &merged, &label(ours)).map(|applied| applied.unwrap_or(merged.notes))
}

/// Writes the taken fields into the record, through the same saves as the
/// window's forms (validated, the load recomputed on the next read). `None`
/// keeps the merge's notes; `Some` replaces them (the record refused it).
fn apply(store: &mut Store, source: Option<Source>, merged: &Merged, label: &str) -> Result<Option<Vec<String>>> {
    let saved = match source {
        Some(Source::Event(id)) => {
            let input = remote_edit::edit_event(store.event_input(id)?, merged);
            store.save_event(&input).map(|_| ())
        }
        Some(Source::Cfp(id)) => {
            let input = remote_edit::edit_cfp(store.event_input(id)?, merged);
            store.save_event(&input).map(|_| ())
        }
        Some(Source::ContentDue(id) | Source::ContentPublish(id)) => {
            let due = matches!(source, Some(Source::ContentDue(_)));
            let input = remote_edit::edit_content(&store.content_item(id)?, due, merged);
            store.save_content(&input).map(|_| ())
        }
        _ => {
            return Ok(Some(vec![format!(
                "{label}: changed in another calendar app, but it is made from other records (a trip from its \
                 legs, a talk from its event); replaced by the plan's, edit it in Quarterdeck"
            )]));
        }
    };
    match saved {
        Ok(()) => Ok(None),
        Err(crate::Error::Invalid { field, message }) => Ok(Some(vec![format!(
            "{label}: the change another calendar app made does not fit the plan ({field}: {message}); replaced by \
             the plan's"
        )])),
        Err(other) => Err(other),
    }
}

/// How an item is named in the notes: its title.
fn label(resource: &CalendarResource) -> String {
    ItemFields::read(&resource.text, &resource.uid).map_or_else(|| resource.uid.clone(), |(f, _)| f.title)
}
