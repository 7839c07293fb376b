//! `content`: the content calendar, with what is overdue, as the command line prints it.

use std::io::Write;

use chrono::NaiveDate;

use super::output::{print_json, table};
use crate::domain::ContentItem;
use crate::domain::content;
use crate::store::Store;
use crate::{Error, Result};

/// Prints the items due or publishing between `from` and `to` (one person's, or
/// everyone's), marking those overdue on `today`, as a table or a JSON array.
/// The range is checked before `read` opens the store.
pub fn list(
    read: impl FnOnce() -> Result<Store>,
    person: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(Error::invalid("--to", format!("{t} is before --from {f}")));
    }
    let records = content_records(&read()?, person, from, to, today)?;
    if json {
        return print_json(out, &records);
    }
    write!(out, "{}", content_table(&records)).map_err(|e| Error::file("standard output", e))
}

/// A content item as `content` prints it: the item, the names it links to, and why it is late.
#[derive(serde::Serialize)]
struct ContentRecord {
    #[serde(flatten)]
    item: ContentItem,
    owner: Option<String>,
    event: Option<String>,
    talk: Option<String>,
    overdue: Option<String>,
}

fn content_records(
    store: &Store,
    person: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<ContentRecord>> {
    let (people, events, talks, items) = store.read(|s| Ok((s.people()?, s.events()?, s.talks()?, s.content()?)))?;
    let owner = person.map(|name| store.person_by_name(name)).transpose()?;
    Ok(content::within(&items, from, to)
        .into_iter()
        .filter(|c| owner.as_ref().is_none_or(|o| c.owner_id == Some(o.id)))
        .map(|c| ContentRecord {
            owner: people.iter().find(|p| Some(p.id) == c.owner_id).map(|p| p.name.clone()),
            event: events.iter().find(|e| Some(e.id) == c.event_id).map(|e| e.name.clone()),
            talk: talks.iter().find(|t| Some(t.id) == c.talk_id).map(|t| t.title.clone()),
            overdue: c.overdue(today),
            item: c.clone(),
        })
        .collect())
}

fn content_table(records: &[ContentRecord]) -> String {
    let rows = records
        .iter()
        .map(|r| {
            let c = &r.item;
            let publish = match (c.publish_at, &c.timezone) {
                (Some(p), Some(tz)) => format!("{} {tz}", p.format("%Y-%m-%d %H:%M")),
                _ => String::new(),
            };
            let status = match &r.overdue {
                Some(_) => format!("{} (overdue)", c.status),
                None => c.status.to_string(),
            };
            vec![
                c.due_on.map_or(String::new(), |d| d.to_string()),
                publish,
                c.title.clone(),
                c.kind.to_string(),
                status,
                r.owner.clone().unwrap_or_default(),
                format!("{} h", c.effort_hours),
                r.event.clone().or(r.talk.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    table(&["DUE", "PUBLISH", "TITLE", "KIND", "STATUS", "OWNER", "EFFORT", "FOLLOWS UP"], rows)
}
