//! An edit made to a published item in another calendar app (a phone dragging
//! the event, a title fixed in Thunderbird), merged into the plan record it
//! came from. The merge is three-way against the text last published, field
//! by field (title, times, location): a field only the other app changed is
//! taken; a field only the plan changed stays; a field both changed since the
//! last sync goes to the later change. Every decision is said in words.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use super::import;
use super::reader;
use super::value::{Stamp, parse_date_time};
use super::zone::{Zone, Zones};
use crate::events::cfp;
use crate::{ContentInput, ContentItem, EventInput};

/// A field another calendar app can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    /// Start and end together: moving an item changes both.
    Times,
    Location,
}

impl Field {
    const ALL: [Field; 3] = [Field::Title, Field::Times, Field::Location];

    fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Times => "time",
            Field::Location => "location",
        }
    }
}

/// What a calendar item says in the fields another app can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFields {
    pub title: String,
    pub start: Stamp,
    pub end: Stamp,
    pub location: String,
}

impl ItemFields {
    /// The item `uid` in a calendar text, with when it was last changed
    /// (LAST-MODIFIED, else DTSTAMP); none when the text does not hold it.
    pub fn read(text: &str, uid: &str) -> Option<(ItemFields, Option<DateTime<Utc>>)> {
        let file = import::read(text.as_bytes()).ok()?;
        let event = file.events.iter().find(|e| e.uid == uid && e.recurrence_id.is_none())?;
        let fields = ItemFields {
            title: event.summary.clone(),
            start: event.start.clone(),
            end: event.end.clone(),
            location: event.location.clone(),
        };
        Some((fields, changed_at(text, uid)))
    }

    fn shows(&self, field: Field) -> String {
        match field {
            Field::Title => format!("“{}”", self.title),
            Field::Location => format!("“{}”", self.location),
            Field::Times => {
                let (start, end) = (self.start.wall(), self.end.wall());
                match (&self.start, &self.end) {
                    (Stamp::Date(_), Stamp::Date(_)) if end.date() - start.date() <= Duration::days(1) => {
                        start.date().to_string()
                    }
                    (Stamp::Date(_), Stamp::Date(_)) => {
                        format!("{} – {}", start.date(), end.date() - Duration::days(1))
                    }
                    _ if start == end => start.format("%Y-%m-%d %H:%M").to_string(),
                    _ => format!("{} – {}", start.format("%Y-%m-%d %H:%M"), end.format("%Y-%m-%d %H:%M")),
                }
            }
        }
    }

    fn same(&self, other: &ItemFields, field: Field) -> bool {
        match field {
            Field::Title => self.title == other.title,
            Field::Times => self.start == other.start && self.end == other.end,
            Field::Location => self.location == other.location,
        }
    }

    fn take(&mut self, from: &ItemFields, field: Field) {
        match field {
            Field::Title => self.title = from.title.clone(),
            Field::Times => (self.start, self.end) = (from.start.clone(), from.end.clone()),
            Field::Location => self.location = from.location.clone(),
        }
    }
}

/// When the item `uid` says it was last changed.
fn changed_at(text: &str, uid: &str) -> Option<DateTime<Utc>> {
    let roots = reader::parse(text.as_bytes()).ok()?;
    let event = roots
        .iter()
        .flat_map(|c| c.children.iter())
        .find(|c| c.name == "VEVENT" && c.value("UID") == Some(uid) && c.property("RECURRENCE-ID").is_none())?;
    let stamp = event.value("LAST-MODIFIED").or_else(|| event.value("DTSTAMP"))?;
    Some(parse_date_time(stamp.trim().trim_end_matches('Z'))?.and_utc())
}

/// The plan's item merged with the other app's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub fields: ItemFields,
    /// The fields taken from the other app's copy.
    pub taken: Vec<Field>,
    /// Each decision, in words: what came in, what was replaced, what was kept.
    pub notes: Vec<String>,
}

/// Merges `theirs` (changed at `theirs_at`) into `ours` (changed at
/// `ours_at`) against `base`, what was last published; without a base every
/// difference counts as changed on both sides.
pub fn merge(
    label: &str,
    base: Option<&ItemFields>,
    ours: &ItemFields,
    ours_at: DateTime<Utc>,
    theirs: &ItemFields,
    theirs_at: Option<DateTime<Utc>>,
) -> Merged {
    let mut merged = Merged { fields: ours.clone(), taken: Vec::new(), notes: Vec::new() };
    for field in Field::ALL {
        if ours.same(theirs, field) {
            continue;
        }
        let theirs_changed = base.is_none_or(|b| !b.same(theirs, field));
        let ours_changed = base.is_none_or(|b| !b.same(ours, field));
        let (what, was, now) = (field.label(), ours.shows(field), theirs.shows(field));
        if !theirs_changed {
            continue; // Only the plan changed it: the push sends it.
        }
        if !ours_changed {
            merged.fields.take(theirs, field);
            merged.taken.push(field);
            merged.notes.push(format!("{label}: {what} changed in another calendar app from {was} to {now}"));
        } else if theirs_at.is_some_and(|t| t > ours_at) {
            merged.fields.take(theirs, field);
            merged.taken.push(field);
            merged.notes.push(format!(
                "{label}: {what} changed here and in another calendar app; the other app's change is later and \
                 wins: {now} replaces {was}"
            ));
        } else {
            merged.notes.push(format!(
                "{label}: {what} changed here and in another calendar app; the change here is later and \
                 stays: {was} replaces {now}"
            ));
        }
    }
    merged
}

/// The plan record a published item was made from, read from its UID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Event(Uuid),
    Cfp(Uuid),
    ContentDue(Uuid),
    ContentPublish(Uuid),
    /// Made from several records (a trip from its legs, a talk from its
    /// submission and event): not edited from a calendar app.
    Derived,
}

type MakeSource = fn(Uuid) -> Source;

impl Source {
    pub fn of(uid: &str) -> Option<Source> {
        let (name, _) = uid.split_once('@')?;
        let kinds: [(&str, MakeSource); 4] = [
            ("event-", Source::Event),
            ("cfp-", Source::Cfp),
            ("content-due-", Source::ContentDue),
            ("content-publish-", Source::ContentPublish),
        ];
        for (prefix, source) in kinds {
            if let Some(id) = name.strip_prefix(prefix) {
                return id.parse().ok().map(source);
            }
        }
        // Another of ours: a kind, a dash and a record id.
        let id = name.len().checked_sub(36).and_then(|i| name.get(i..))?;
        id.parse::<Uuid>().ok().map(|_| Source::Derived)
    }
}

/// The event with the merged fields: name, days (all-day, DTEND the day
/// after) and place ("Online", or "City, Country"); the rest as it was.
pub fn edit_event(mut input: EventInput, merged: &Merged) -> EventInput {
    let f = &merged.fields;
    for field in &merged.taken {
        match field {
            Field::Title => input.name = f.title.trim().to_string(),
            Field::Times => {
                let (first, last) = days(&f.start, &f.end);
                input.start_date = first;
                input.end_date = last;
            }
            Field::Location => {
                let place = f.location.trim();
                if place.eq_ignore_ascii_case("online") {
                    input.online = true;
                } else {
                    input.online = false;
                    match place.rsplit_once(',') {
                        Some((city, country)) => {
                            input.city = city.trim().to_string();
                            input.country = country.trim().to_string();
                        }
                        None => input.city = place.to_string(),
                    }
                }
            }
        }
    }
    input
}

/// The event with its CFP deadline at the merged time, in the CFP's zone
/// (Anywhere on Earth without one). Its title and place are the event's.
pub fn edit_cfp(mut input: EventInput, merged: &Merged) -> EventInput {
    if merged.taken.contains(&Field::Times) {
        let at = local_in(&merged.fields.start, input.cfp_timezone.as_deref());
        input.cfp_deadline = Some(at);
    }
    input
}

/// The content with the merged title (its "Due: " or "Publish: " taken off)
/// and its due day or publishing time moved.
pub fn edit_content(item: &ContentItem, due: bool, merged: &Merged) -> ContentInput {
    let mut input = item.input();
    let f = &merged.fields;
    for field in &merged.taken {
        match field {
            Field::Title => {
                let title = f.title.trim();
                let title = title.strip_prefix(if due { "Due:" } else { "Publish:" }).unwrap_or(title);
                input.title = title.trim().to_string();
            }
            Field::Times if due => input.due_on = Some(days(&f.start, &f.end).0),
            Field::Times => {
                let zone = item.timezone.as_deref();
                input.publish_at = Some(match &f.start {
                    Stamp::Floating(t) => *t,
                    other if zone.is_none() => other.wall(),
                    other => local_in(other, zone),
                });
            }
            Field::Location => {}
        }
    }
    input
}

/// The first and last day an item covers: an all-day DTEND is the day after.
fn days(start: &Stamp, end: &Stamp) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let first = start.wall().date();
    let last = match end {
        Stamp::Date(d) => *d - Duration::days(1),
        other => (other.wall() - Duration::seconds(1)).date(),
    };
    (first, last.max(first))
}

/// A stamp as the wall clock in `zone` (Anywhere on Earth when none).
fn local_in(stamp: &Stamp, zone: Option<&str>) -> NaiveDateTime {
    let utc = Zones::default().utc(stamp, &Zone::Iana(chrono_tz::UTC)).unwrap_or_else(|_| stamp.wall());
    let utc = Utc.from_utc_datetime(&utc);
    match zone.and_then(|z| z.parse::<chrono_tz::Tz>().ok()) {
        Some(tz) => utc.with_timezone(&tz).naive_local(),
        None => utc.with_timezone(&cfp::aoe()).naive_local(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn fields(title: &str, first: &str, last: &str, place: &str) -> ItemFields {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        ItemFields {
            title: title.into(),
            start: Stamp::Date(d(first)),
            end: Stamp::Date(d(last) + Duration::days(1)),
            location: place.into(),
        }
    }

    #[test]
    fn a_field_only_the_other_app_changed_comes_in_and_one_only_the_plan_changed_stays() {
        let base = fields("JSConf", "2027-03-01", "2027-03-02", "Berlin, Germany");
        let ours = fields("JSConf EU", "2027-03-01", "2027-03-02", "Berlin, Germany");
        let theirs = fields("JSConf", "2027-03-02", "2027-03-03", "Berlin, Germany");
        let m = merge("JSConf", Some(&base), &ours, at("2026-11-18T12:00:00Z"), &theirs, None);
        assert_eq!(m.taken, vec![Field::Times]);
        assert_eq!(m.fields, fields("JSConf EU", "2027-03-02", "2027-03-03", "Berlin, Germany"));
        assert_eq!(
            m.notes,
            vec![
                "JSConf: time changed in another calendar app from 2027-03-01 – 2027-03-02 to 2027-03-02 – 2027-03-03"
            ]
        );
    }

    #[test]
    fn a_field_both_sides_changed_goes_to_the_later_change_and_says_what_it_replaced() {
        let base = fields("JSConf", "2027-03-01", "2027-03-02", "");
        let ours = fields("JSConf EU", "2027-03-01", "2027-03-02", "");
        let theirs = fields("JSConf Berlin", "2027-03-01", "2027-03-02", "");
        let later =
            merge("JSConf", Some(&base), &ours, at("2026-11-18T12:00:00Z"), &theirs, Some(at("2026-11-18T13:00:00Z")));
        assert_eq!((later.fields.title.as_str(), later.taken.clone()), ("JSConf Berlin", vec![Field::Title]));
        assert!(
            later.notes[0].contains("the other app's change is later and wins: “JSConf Berlin” replaces “JSConf EU”"),
            "{:?}",
            later.notes
        );
        let earlier =
            merge("JSConf", Some(&base), &ours, at("2026-11-18T12:00:00Z"), &theirs, Some(at("2026-11-18T11:00:00Z")));
        assert_eq!((earlier.fields.title.as_str(), earlier.taken.len()), ("JSConf EU", 0));
        assert!(earlier.notes[0].contains("the change here is later and stays"), "{:?}", earlier.notes);
        let unknown = merge("JSConf", None, &ours, at("2026-11-18T12:00:00Z"), &theirs, None);
        assert_eq!(unknown.fields.title, "JSConf EU", "without a time of its own the other copy is not the later");
    }

    #[test]
    fn the_record_behind_a_uid_is_read_from_it() {
        let id = Uuid::nil();
        assert_eq!(Source::of(&format!("event-{id}@quarterdeck.app")), Some(Source::Event(id)));
        assert_eq!(Source::of(&format!("cfp-{id}@quarterdeck.app")), Some(Source::Cfp(id)));
        assert_eq!(Source::of(&format!("content-due-{id}@quarterdeck.app")), Some(Source::ContentDue(id)));
        assert_eq!(Source::of(&format!("content-publish-{id}@quarterdeck.app")), Some(Source::ContentPublish(id)));
        assert_eq!(Source::of(&format!("trip-{id}@quarterdeck.app")), Some(Source::Derived));
        assert_eq!(Source::of("someone-else"), None);
    }

    #[test]
    fn an_items_fields_and_its_time_of_change_are_read_from_its_text() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:e1\r\nDTSTAMP:20261118T100000Z\r\nLAST-MODIFIED:20261118T130000Z\r\nDTSTART;VALUE=DATE:20270302\r\nDTEND;VALUE=DATE:20270304\r\nSUMMARY:JSConf\r\nLOCATION:Berlin\\, Germany\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let (f, changed) = ItemFields::read(text, "e1").unwrap();
        assert_eq!(f, fields("JSConf", "2027-03-02", "2027-03-03", "Berlin, Germany"));
        assert_eq!(changed, Some(at("2026-11-18T13:00:00Z")));
        assert!(ItemFields::read(text, "e2").is_none());
        assert_eq!(days(&f.start, &f.end), ("2027-03-02".parse().unwrap(), "2027-03-03".parse().unwrap()));
    }
}
