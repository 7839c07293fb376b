//! What an import counted, said once for the CLI and the window alike. A file
//! holds more VEVENTs than the Calendars panel lists events: a changed
//! occurrence of a series is a VEVENT of its own (same UID, a RECURRENCE-ID),
//! an older copy of an event may sit beside the newer one, and a broken VEVENT
//! is left out. The panel counts events and series once each; this sentence
//! says how the file's VEVENTs come to that figure.

use serde::Serialize;
use ts_rs::TS;

use super::import::CalendarFile;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportCount {
    /// VEVENTs in the file.
    pub read: u32,
    /// Events and series kept, a series once: what the Calendars panel lists.
    pub events: u32,
    /// Changed single occurrences of a series (RECURRENCE-ID), kept with it.
    pub changes: u32,
    /// Older copies of an event (a lower SEQUENCE) skipped for the newer one.
    pub superseded: u32,
    /// VEVENTs left out as unreadable, each with a warning.
    pub left_out: u32,
}

impl ImportCount {
    pub fn of(file: &CalendarFile) -> ImportCount {
        let changes = file.events.iter().filter(|e| e.recurrence_id.is_some()).count() as u32;
        ImportCount {
            read: file.vevents,
            events: file.events.len() as u32 - changes,
            changes,
            superseded: file.superseded,
            left_out: file.left_out,
        }
    }

    /// "64 events read: 58 events (a series counts once), 6 changes to single occurrences".
    pub fn sentence(&self) -> String {
        let mut parts = vec![format!("{} (a series counts once)", plural(self.events, "event", "events"))];
        if self.changes > 0 {
            parts.push(plural(self.changes, "change to a single occurrence", "changes to single occurrences"));
        }
        if self.superseded > 0 {
            parts.push(format!("{} skipped", plural(self.superseded, "older copy", "older copies")));
        }
        if self.left_out > 0 {
            parts.push(format!(
                "{} left out (see the warnings)",
                plural(self.left_out, "broken event", "broken events")
            ));
        }
        format!("{} read: {}", plural(self.read, "event", "events"), parts.join(", "))
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::import;

    fn cal(body: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n")
    }

    #[test]
    fn the_files_vevents_are_accounted_for() {
        let text = cal(concat!(
            // A weekly series and one moved occurrence of it: two VEVENTs, one event.
            "BEGIN:VEVENT\r\nUID:standup\r\nDTSTART:20260105T090000Z\r\nDURATION:PT15M\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:standup\r\nRECURRENCE-ID:20260112T090000Z\r\nDTSTART:20260112T100000Z\r\nDURATION:PT15M\r\nEND:VEVENT\r\n",
            // The same meeting twice, SEQUENCE 0 then 1: the newer one is kept.
            "BEGIN:VEVENT\r\nUID:review\r\nSEQUENCE:0\r\nDTSTART:20260106T090000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:review\r\nSEQUENCE:1\r\nDTSTART:20260106T100000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
            // No start: left out.
            "BEGIN:VEVENT\r\nUID:broken\r\nSUMMARY:No start\r\nEND:VEVENT\r\n",
        ));
        let file = import::read(text.as_bytes()).unwrap();
        let count = ImportCount::of(&file);
        assert_eq!(count, ImportCount { read: 5, events: 2, changes: 1, superseded: 1, left_out: 1 });
        assert_eq!(count.read, count.events + count.changes + count.superseded + count.left_out);
        assert_eq!(
            count.sentence(),
            "5 events read: 2 events (a series counts once), 1 change to a single occurrence, \
             1 older copy skipped, 1 broken event left out (see the warnings)"
        );
    }

    #[test]
    fn a_plain_file_says_only_what_it_read() {
        let file = import::read(
            cal("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n").as_bytes(),
        )
        .unwrap();
        assert_eq!(ImportCount::of(&file).sentence(), "1 event read: 1 event (a series counts once)");
    }
}
