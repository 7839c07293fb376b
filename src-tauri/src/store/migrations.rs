//! The schema, as an append-only list: never edit a migration that has shipped,
//! add a new one. `user_version` records how many have run.

use rusqlite_migration::{M, Migrations};

/// Each entry is one schema version; the file's `user_version` is its index + 1.
pub(super) const STEPS: &[&str] = &[
    // v1: people, time off, events and who goes to them.
    r#"
    CREATE TABLE person (
        id             TEXT PRIMARY KEY NOT NULL,
        name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role           TEXT NOT NULL DEFAULT '',
        home_city      TEXT NOT NULL DEFAULT '',
        timezone       TEXT NOT NULL,
        capacity_hours REAL NOT NULL CHECK (capacity_hours >= 0 AND capacity_hours <= 168),
        working_days   TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX person_name ON person (name COLLATE NOCASE);

    CREATE TABLE time_off (
        id         TEXT PRIMARY KEY NOT NULL,
        person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date   TEXT NOT NULL CHECK (end_date >= start_date),
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX time_off_person ON time_off (person_id, start_date);

    CREATE TABLE event (
        id           TEXT PRIMARY KEY NOT NULL,
        name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
        kind         TEXT NOT NULL,
        start_date   TEXT NOT NULL,
        end_date     TEXT NOT NULL CHECK (end_date >= start_date),
        online       INTEGER NOT NULL DEFAULT 0,
        city         TEXT NOT NULL DEFAULT '',
        country      TEXT NOT NULL DEFAULT '',
        timezone     TEXT,
        url          TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL,
        cfp_url      TEXT NOT NULL DEFAULT '',
        cfp_deadline TEXT,
        cfp_timezone TEXT,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX event_start ON event (start_date);

    CREATE TABLE participation (
        id         TEXT PRIMARY KEY NOT NULL,
        event_id   TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (event_id, person_id, role)
    ) STRICT;
    CREATE INDEX participation_person ON participation (person_id);
    "#,
    // v2: the conference catalog (confs.tech listings), one row per name + start date.
    r#"
    CREATE TABLE catalog_entry (
        id           TEXT PRIMARY KEY NOT NULL,
        name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key     TEXT NOT NULL,
        start_date   TEXT NOT NULL,
        end_date     TEXT NOT NULL CHECK (end_date >= start_date),
        url          TEXT NOT NULL DEFAULT '',
        city         TEXT NOT NULL DEFAULT '',
        country      TEXT NOT NULL DEFAULT '',
        online       INTEGER NOT NULL DEFAULT 0,
        locales      TEXT NOT NULL DEFAULT '',
        cfp_url      TEXT NOT NULL DEFAULT '',
        cfp_end_date TEXT,
        topics       TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (name_key, start_date)
    ) STRICT;
    CREATE INDEX catalog_entry_start ON catalog_entry (start_date);
    "#,
];

pub fn all() -> Migrations<'static> {
    of(STEPS)
}

pub(super) fn of(steps: &[&'static str]) -> Migrations<'static> {
    Migrations::from_iter(steps.iter().map(|sql| M::up(sql)))
}

/// The schema version this build writes.
pub fn latest() -> usize {
    STEPS.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::all().validate().expect("every migration applies to an empty database");
    }
}
