//! SQL for calendars: events imported from other apps (one row per series or
//! changed occurrence, keyed by person, UID and RECURRENCE-ID), the zones only
//! their files define, and the SEQUENCE each exported item is at.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::{Store, people, rows};
use crate::Result;
use crate::domain::ics::export::{self, CalendarItem};
use crate::domain::ics::import::{self, CalendarFile, CalendarImport, ImportedEvent};
use crate::domain::ics::import_count::ImportCount;
use crate::domain::ics::plan_items::{self, CalendarKind, ExportScope};
use crate::domain::ics::value::Stamp;
use crate::domain::ics::zone::{CustomZone, Zone, Zones};
use crate::domain::load::{CountsAs, Horizon, LoadRecords};

/// One calendar imported for one person, as the window lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedCalendar {
    pub person_id: Uuid,
    pub calendar: String,
    /// Series and single events, a series once.
    pub events: u32,
    /// Changed single occurrences of its series, counted apart (an import's "changes").
    pub changes: u32,
    pub imported_at: DateTime<Utc>,
}

/// One plan item as a calendar resource of its own, for a CalDAV server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarResource {
    pub kind: CalendarKind,
    pub uid: String,
    pub text: String,
    /// What the item says (not its SEQUENCE or stamps), to notice a change.
    pub digest: String,
}

/// A calendar file written for other apps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarText {
    /// X-WR-CALNAME.
    pub name: String,
    pub text: String,
    pub items: usize,
}

fn codes(v: &[Stamp]) -> String {
    v.iter().map(Stamp::code).collect::<Vec<_>>().join("\n")
}

fn stamps(text: &str) -> Vec<Stamp> {
    text.lines().filter_map(Stamp::from_code).collect()
}

impl Store {
    /// Adds or updates a file's events for one person, in one transaction:
    /// an event already there is replaced when the file's SEQUENCE is the
    /// same or newer and something changed, and kept when it is older.
    pub fn import_calendar(
        &mut self,
        person: Uuid,
        calendar: &str,
        file: &CalendarFile,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<CalendarImport> {
        self.write(|tx| import_into(tx, person, calendar, file, now, progress))
    }

    /// Every imported event with its person, series first then their changes.
    pub fn imported_events(&self) -> Result<Vec<(Uuid, ImportedEvent)>> {
        Ok(self.imported_events_touching(import::EVER, import::FOREVER)?.into_iter().map(|(p, _, e)| (p, e)).collect())
    }

    /// The imported events whose occurrences can touch `first..=last`, each
    /// with its person and how its calendar counts.
    fn imported_events_touching(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<(Uuid, CountsAs, ImportedEvent)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT person_id, coalesce((SELECT counts_as FROM busy_calendar WHERE href = calendar), 'busy') AS counts_as,
                    uid, recurrence_id, sequence, summary, location, start, end, rrule, rdates, exdates,
                    status, transparent, this_and_future
             FROM imported_event WHERE last_day >= ?1 AND first_day <= ?2
             ORDER BY person_id, recurrence_id <> '', start, uid",
        )?;
        let rows = stmt.query_map(params![first, last], |r| {
            let stamp = |col: &str| -> rusqlite::Result<Stamp> {
                let code: String = r.get(col)?;
                Stamp::from_code(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, code.into())
                })
            };
            let rid: String = r.get("recurrence_id")?;
            Ok((
                rows::uuid(r, "person_id")?,
                r.get("counts_as")?,
                ImportedEvent {
                    uid: r.get("uid")?,
                    recurrence_id: Stamp::from_code(&rid),
                    sequence: r.get("sequence")?,
                    summary: r.get("summary")?,
                    location: r.get("location")?,
                    start: stamp("start")?,
                    end: stamp("end")?,
                    rrule: r.get("rrule")?,
                    rdates: stamps(&r.get::<_, String>("rdates")?),
                    exdates: stamps(&r.get::<_, String>("exdates")?),
                    status: r.get("status")?,
                    transparent: r.get("transparent")?,
                    this_and_future: r.get("this_and_future")?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The zones imported files defined themselves; IANA and Windows names
    /// need no row.
    pub fn imported_zones(&self) -> Result<Zones> {
        let mut zones = Zones::default();
        let mut stmt = self.conn().prepare_cached("SELECT definition FROM imported_zone ORDER BY tzid")?;
        for definition in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let definition = definition?;
            if let Ok(roots) = crate::domain::ics::reader::parse(definition.as_bytes())
                && let Some(Ok(z)) = roots.first().map(|c| CustomZone::from_vtimezone(c, definition.clone()))
            {
                zones.insert(Zone::Custom(std::sync::Arc::new(z)));
            }
        }
        Ok(zones)
    }

    pub fn imported_calendars(&self) -> Result<Vec<ImportedCalendar>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT person_id, calendar, sum(recurrence_id = '') AS events, sum(recurrence_id <> '') AS changes,
                    max(imported_at) AS at
             FROM imported_event GROUP BY person_id, calendar ORDER BY calendar, person_id",
        )?;
        let rows = stmt.query_map([], |r| {
            let at: String = r.get("at")?;
            Ok(ImportedCalendar {
                person_id: rows::uuid(r, "person_id")?,
                calendar: r.get("calendar")?,
                events: r.get("events")?,
                changes: r.get("changes")?,
                imported_at: DateTime::parse_from_rfc3339(&at).map(|t| t.with_timezone(&Utc)).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Forgets one imported calendar of one person; returns how many rows went.
    pub fn remove_imported_calendar(&mut self, person: Uuid, calendar: &str) -> Result<u32> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM imported_event WHERE person_id = ?1 AND calendar = ?2",
                params![rows::id_text(person), calendar],
            )?;
            Ok(n as u32)
        })
    }

    /// Busy blocks from imported calendars over `horizon` (and the weeks the
    /// load model looks back on), for the load model.
    pub(super) fn busy_blocks(
        &self,
        horizon: Horizon,
        people: &[crate::domain::Person],
    ) -> Result<Vec<crate::domain::load::BusyBlock>> {
        let shift = crate::domain::bounds::shift;
        let from = shift(horizon.first_monday(), -8 * 7).and_time(Default::default());
        let to = shift(from.date(), (i64::from(horizon.weeks) + 9) * 7).and_time(Default::default());
        let imported = self.imported_events_touching(from.date(), to.date())?;
        if imported.is_empty() {
            return Ok(Vec::new());
        }
        let zones = self.imported_zones()?;
        let homes: HashMap<Uuid, Zone> = people
            .iter()
            .map(|p| (p.id, p.timezone.parse().map(Zone::Iana).unwrap_or(Zone::Iana(chrono_tz::UTC))))
            .collect();
        let mut by_person: HashMap<(Uuid, CountsAs), Vec<ImportedEvent>> = HashMap::new();
        for (p, counts_as, e) in imported {
            by_person.entry((p, counts_as)).or_default().push(e);
        }
        let mut out = Vec::new();
        for ((person, counts_as), events) in by_person {
            let Some(home) = homes.get(&person) else { continue };
            for (start, end, title) in crate::domain::ics::occurrences::busy_between(
                &events,
                &zones,
                home,
                from,
                to,
                counts_as == CountsAs::OutOfOffice,
            ) {
                out.push(crate::domain::load::BusyBlock {
                    person_id: person,
                    title,
                    start: start.and_utc(),
                    end: end.and_utc(),
                    counts_as,
                });
            }
        }
        Ok(out)
    }

    /// One calendar file of `kinds` for `scope`, its items' SEQUENCE raised
    /// where they changed since the last export (one transaction).
    pub fn export_calendar(
        &mut self,
        kinds: &[CalendarKind],
        scope: &ExportScope,
        now: DateTime<Utc>,
    ) -> Result<CalendarText> {
        let mut files = self.export_calendars(&[kinds], scope, now)?;
        Ok(files.remove(0))
    }

    /// One calendar file per group of kinds, from one read of the plan and
    /// with every SEQUENCE set in one transaction.
    pub fn export_calendars(
        &mut self,
        groups: &[&[CalendarKind]],
        scope: &ExportScope,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarText>> {
        let wants_imported = groups.iter().any(|kinds| kinds.contains(&CalendarKind::Imported));
        let records = self.plan_records()?;
        let imported = if wants_imported { self.imported_events()? } else { Vec::new() };
        let zones = self.imported_zones()?;
        let files = self.sequenced_items(groups, &records, &imported, scope, now)?;
        let who = match &scope.people {
            None => "Team".to_string(),
            Some(ids) => records
                .people
                .iter()
                .filter(|p| ids.contains(&p.id))
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        };
        Ok(groups
            .iter()
            .zip(files)
            .map(|(kinds, mut items)| {
                if kinds.contains(&CalendarKind::Imported) {
                    items.extend(plan_items::items(CalendarKind::Imported, &records, &imported, scope));
                }
                let what = match kinds {
                    [one] => one.title(),
                    _ if kinds.len() == CalendarKind::ALL.len() => "Everything",
                    _ => "Plan",
                };
                let name = format!("Quarterdeck — {who} — {what}");
                CalendarText { text: export::calendar(&name, &items, &zones, now), name, items: items.len() }
            })
            .collect())
    }

    /// The plan's items of each group of kinds, each with its SEQUENCE: raised
    /// (and its LAST-MODIFIED set to `now`) where it changed since last written
    /// out, as a file or to a calendar server; all in one transaction.
    fn sequenced_items(
        &mut self,
        groups: &[&[CalendarKind]],
        records: &LoadRecords,
        imported: &[(Uuid, ImportedEvent)],
        scope: &ExportScope,
        now: DateTime<Utc>,
    ) -> Result<Vec<Vec<CalendarItem>>> {
        // Imported events keep the SEQUENCE their own calendar gave them.
        let mut files: Vec<Vec<CalendarItem>> = groups
            .iter()
            .map(|kinds| {
                kinds
                    .iter()
                    .filter(|k| **k != CalendarKind::Imported)
                    .flat_map(|k| plan_items::items(*k, records, imported, scope))
                    .collect()
            })
            .collect();
        self.write(|tx| {
            let mut find =
                tx.prepare_cached("SELECT digest, sequence, changed_at FROM exported_item WHERE uid = ?1")?;
            let mut save = tx.prepare_cached(
                "INSERT INTO exported_item (uid, digest, sequence, changed_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (uid) DO UPDATE SET digest = excluded.digest, sequence = excluded.sequence,
                     changed_at = excluded.changed_at",
            )?;
            for item in files.iter_mut().flatten() {
                let digest = item.digest_text();
                let before: Option<(String, i64, String)> =
                    find.query_row([&item.uid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
                match before {
                    Some((d, seq, at)) if d == digest => {
                        item.sequence = seq;
                        item.last_modified = DateTime::parse_from_rfc3339(&at).ok().map(|t| t.with_timezone(&Utc));
                    }
                    Some((_, seq, _)) => {
                        item.sequence = seq + 1;
                        item.last_modified = Some(now);
                        save.execute(params![item.uid, digest, item.sequence, now.to_rfc3339()])?;
                    }
                    None => {
                        let at = item.last_modified.unwrap_or(now);
                        save.execute(params![item.uid, digest, 0, at.to_rfc3339()])?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(files)
    }

    /// Every item of `kinds` in `scope` as its own calendar resource (one
    /// VEVENT and the zones it uses), for publishing one resource per item.
    pub fn calendar_resources(
        &mut self,
        kinds: &[CalendarKind],
        scope: &ExportScope,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarResource>> {
        let records = self.plan_records()?;
        let zones = self.imported_zones()?;
        let groups: Vec<&[CalendarKind]> = kinds.iter().map(std::slice::from_ref).collect();
        let items = self.sequenced_items(&groups, &records, &[], scope, now)?;
        let mut out = Vec::new();
        for (kind, items) in kinds.iter().zip(items) {
            let name = format!("Quarterdeck · {}", kind.title());
            for item in items {
                let text = export::calendar(&name, std::slice::from_ref(&item), &zones, now);
                out.push(CalendarResource { kind: *kind, digest: item.digest_text(), uid: item.uid, text });
            }
        }
        Ok(out)
    }
}

/// Adds or updates `file`'s events for `person` inside the caller's
/// transaction (the file import, or a calendar server's changes).
pub(crate) fn import_into(
    tx: &Connection,
    person: Uuid,
    calendar: &str,
    file: &CalendarFile,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CalendarImport> {
    let total = file.events.len();
    people::require(tx, person)?;
    for z in &file.zones {
        tx.execute(
            "INSERT INTO imported_zone (tzid, definition) VALUES (?1, ?2)
             ON CONFLICT (tzid) DO UPDATE SET definition = excluded.definition",
            params![z.tzid, z.definition],
        )?;
    }
    let count = ImportCount::of(file);
    let mut report = CalendarImport {
        calendar: calendar.to_string(),
        events: count.events,
        count,
        count_sentence: count.sentence(),
        not_events: file.not_events,
        warnings: file.warnings.clone(),
        ..CalendarImport::default()
    };
    let mut existing = tx.prepare_cached(
        "SELECT sequence, summary, location, start, end, rrule, rdates, exdates, status, transparent,
                this_and_future
         FROM imported_event WHERE person_id = ?1 AND uid = ?2 AND recurrence_id = ?3",
    )?;
    let mut upsert = tx.prepare_cached(
        "INSERT INTO imported_event (person_id, calendar, uid, recurrence_id, sequence, summary, location,
             start, end, rrule, rdates, exdates, status, transparent, this_and_future, first_day, last_day,
             imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT (person_id, uid, recurrence_id) DO UPDATE SET
             calendar = excluded.calendar, sequence = excluded.sequence, summary = excluded.summary,
             location = excluded.location, start = excluded.start, end = excluded.end,
             rrule = excluded.rrule, rdates = excluded.rdates, exdates = excluded.exdates,
             status = excluded.status, transparent = excluded.transparent,
             this_and_future = excluded.this_and_future, first_day = excluded.first_day,
             last_day = excluded.last_day,
             imported_at = excluded.imported_at",
    )?;
    let pid = rows::id_text(person);
    let at = now.to_rfc3339();
    for (i, e) in file.events.iter().enumerate() {
        let rid = e.recurrence_id.as_ref().map(Stamp::code).unwrap_or_default();
        let row = (
            e.sequence,
            e.summary.clone(),
            e.location.clone(),
            e.start.code(),
            e.end.code(),
            e.rrule.clone(),
            codes(&e.rdates),
            codes(&e.exdates),
            e.status.clone(),
            e.transparent,
            e.this_and_future,
        );
        let before = existing
            .query_row(params![pid, e.uid, rid], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, bool>(9)?,
                    r.get::<_, bool>(10)?,
                ))
            })
            .optional()?;
        match &before {
            Some(b) if b.0 > e.sequence || *b == row => report.unchanged += 1,
            _ => {
                let (first, last) = e.days();
                upsert.execute(params![
                    pid, calendar, e.uid, rid, row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9,
                    row.10, first, last, at
                ])?;
                if before.is_some() {
                    report.updated += 1;
                } else {
                    report.added += 1;
                }
            }
        }
        if i % 1000 == 999 {
            progress(i + 1, total);
        }
    }
    progress(total, total);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{self, DemoOptions};
    use crate::domain::ics::import;

    fn sequence_of(text: &str, uid: &str) -> (i64, String) {
        let unfolded = text.replace("\r\n ", "");
        let block = unfolded.split("BEGIN:VEVENT").find(|b| b.contains(&format!("UID:{uid}\r\n"))).unwrap();
        let field =
            |name: &str| block.lines().find_map(|l| l.strip_prefix(name)).map(str::to_string).unwrap_or_default();
        (field("SEQUENCE:").parse().unwrap(), field("LAST-MODIFIED:"))
    }

    #[test]
    fn sequence_rises_only_when_an_exported_item_changes() {
        let mut store = Store::open_in_memory().unwrap();
        let today = "2026-11-21".parse().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today(today)).unwrap();
        let scope = ExportScope::default();
        let t0: DateTime<Utc> = "2026-11-21T10:00:00Z".parse().unwrap();
        let first = store.export_calendar(&[CalendarKind::Events], &scope, t0).unwrap();
        let mut event = store.events().unwrap().remove(0);
        let uid = format!("event-{}@quarterdeck.app", event.id);
        assert_eq!(sequence_of(&first.text, &uid).0, 0);

        let again = store.export_calendar(&[CalendarKind::Events], &scope, t0 + chrono::Duration::hours(1)).unwrap();
        assert_eq!(sequence_of(&again.text, &uid), sequence_of(&first.text, &uid), "unchanged: same SEQUENCE");

        event.name = format!("{} (renamed)", event.name);
        let participants = store
            .participations()
            .unwrap()
            .into_iter()
            .filter(|p| p.event_id == event.id)
            .map(|p| crate::domain::event::ParticipantInput { person_id: p.person_id, role: p.role })
            .collect();
        store.save_event(&event.input(participants)).unwrap();
        let t2 = t0 + chrono::Duration::hours(2);
        let changed = store.export_calendar(&[CalendarKind::Events], &scope, t2).unwrap();
        assert_eq!(sequence_of(&changed.text, &uid), (1, "20261121T120000Z".to_string()));
        let other = store.events().unwrap()[1].id;
        assert_eq!(sequence_of(&changed.text, &format!("event-{other}@quarterdeck.app")).0, 0, "others untouched");
    }

    #[test]
    fn cfp_reminders_only_while_the_cfp_needs_acting_on_and_instants_have_no_dtend() {
        let mut store = Store::open_in_memory().unwrap();
        demo::fill(&mut store, &DemoOptions::for_today("2026-02-16".parse().unwrap())).unwrap();
        let scope = ExportScope { cfp_alarms: vec![chrono::Duration::days(7)], ..ExportScope::default() };
        let now: DateTime<Utc> = "2026-02-16T10:00:00Z".parse().unwrap();
        let text = store.export_calendar(&[CalendarKind::Cfp, CalendarKind::Content], &scope, now).unwrap().text;
        let unfolded = text.replace("\r\n ", "");
        let sent: std::collections::HashSet<Uuid> = store
            .submissions()
            .unwrap()
            .iter()
            .filter(|s| s.status != crate::domain::SubmissionStatus::Draft)
            .map(|s| s.event_id)
            .collect();
        let (mut reminded, mut quiet) = (0, 0);
        for e in store.events().unwrap().iter().filter(|e| e.cfp_deadline.is_some()) {
            let uid = format!("UID:cfp-{}@quarterdeck.app\r\n", e.id);
            let Some(block) = unfolded.split("BEGIN:VEVENT").find(|b| b.contains(&uid)) else { continue };
            assert!(!block.contains("\r\nDTEND"), "a deadline is an instant: {block}");
            let needs_acting = crate::domain::cfp::is_answerable(e.status) && !sent.contains(&e.id);
            assert_eq!(block.contains("BEGIN:VALARM"), needs_acting, "{:?} {}: {block}", e.status, e.name);
            if needs_acting { reminded += 1 } else { quiet += 1 }
        }
        assert!(reminded > 0 && quiet > 0, "the demo has both kinds: {reminded} reminded, {quiet} quiet");
        let publish: Vec<&str> =
            unfolded.split("BEGIN:VEVENT").filter(|b| b.contains("UID:content-publish-")).collect();
        assert!(!publish.is_empty());
        assert!(publish.iter().all(|b| !b.contains("\r\nDTEND")), "a publish time is an instant");
    }

    #[test]
    fn a_re_import_replaces_by_uid_unless_the_stored_sequence_is_newer() {
        let mut store = Store::open_in_memory().unwrap();
        let maya = store.save_person(&crate::domain::person::sample_input()).unwrap().id;
        let file = |seq: u32, summary: &str| {
            let text = format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nSEQUENCE:{seq}\r\nSUMMARY:{summary}\r\n\
                 DTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            import::read(text.as_bytes()).unwrap()
        };
        let now = Utc::now();
        let r = store.import_calendar(maya, "Work", &file(1, "Sync"), now, &mut |_, _| {}).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (1, 0, 0));
        let r = store.import_calendar(maya, "Work", &file(1, "Sync"), now, &mut |_, _| {}).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 1));
        let r = store.import_calendar(maya, "Work", &file(2, "Sync, moved"), now, &mut |_, _| {}).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 1, 0));
        let r = store.import_calendar(maya, "Work", &file(0, "Stale copy"), now, &mut |_, _| {}).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 1), "an older SEQUENCE does not win");
        let events = store.imported_events().unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].1.summary, "Sync, moved");
        assert_eq!(store.imported_calendars().unwrap()[0].events, 1);
        assert_eq!(store.remove_imported_calendar(maya, "Work").unwrap(), 1);
        assert!(store.imported_events().unwrap().is_empty());
    }
}
