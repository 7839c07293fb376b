//! The schema, as an append-only list: never edit a migration that has shipped,
//! add a new one. `user_version` records how many have run.

use rusqlite_migration::{M, Migrations};

/// Each entry is one schema version; the file's `user_version` is its index + 1.
pub const STEPS: &[&str] = &[
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
    // v3: event ratings, the talk library with versions, submissions, settings
    // and the CFP reminders already sent.
    r#"
    ALTER TABLE event ADD COLUMN rate_audience_fit INTEGER CHECK (rate_audience_fit BETWEEN 1 AND 5);
    ALTER TABLE event ADD COLUMN rate_reach INTEGER CHECK (rate_reach BETWEEN 1 AND 5);
    ALTER TABLE event ADD COLUMN rate_cost INTEGER CHECK (rate_cost BETWEEN 1 AND 5);
    ALTER TABLE event ADD COLUMN rate_travel_burden INTEGER CHECK (rate_travel_burden BETWEEN 1 AND 5);
    ALTER TABLE event ADD COLUMN rate_strategic_value INTEGER CHECK (rate_strategic_value BETWEEN 1 AND 5);

    CREATE TABLE talk (
        id               TEXT PRIMARY KEY NOT NULL,
        title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
        abstract         TEXT NOT NULL DEFAULT '',
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        format           TEXT NOT NULL,
        level            TEXT NOT NULL,
        tags             TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL,
        owner_id         TEXT REFERENCES person (id) ON DELETE SET NULL,
        notes            TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX talk_owner ON talk (owner_id);

    CREATE TABLE talk_version (
        id         TEXT PRIMARY KEY NOT NULL,
        talk_id    TEXT NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
        number     INTEGER NOT NULL CHECK (number >= 1),
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        abstract   TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (talk_id, number)
    ) STRICT;

    CREATE TABLE submission (
        id           TEXT PRIMARY KEY NOT NULL,
        talk_id      TEXT NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
        version_id   TEXT NOT NULL REFERENCES talk_version (id) ON DELETE CASCADE,
        event_id     TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        speaker_id   TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        status       TEXT NOT NULL,
        submitted_on TEXT,
        decided_on   TEXT,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (talk_id, event_id, speaker_id)
    ) STRICT;
    CREATE INDEX submission_event ON submission (event_id);
    CREATE INDEX submission_speaker ON submission (speaker_id);
    CREATE INDEX submission_version ON submission (version_id);

    CREATE TABLE setting (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE cfp_reminder_sent (
        event_id    TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        closes_at   TEXT NOT NULL,
        days_before INTEGER NOT NULL,
        sent_at     TEXT NOT NULL,
        PRIMARY KEY (event_id, closes_at, days_before)
    ) STRICT;
    "#,
    // v4: the content calendar.
    r#"
    CREATE TABLE content (
        id               TEXT PRIMARY KEY NOT NULL,
        title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
        kind             TEXT NOT NULL,
        owner_id         TEXT REFERENCES person (id) ON DELETE SET NULL,
        channel          TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL,
        due_on           TEXT,
        publish_at       TEXT,
        timezone         TEXT,
        effort_hours     REAL NOT NULL CHECK (effort_hours >= 0),
        effort_custom    INTEGER NOT NULL DEFAULT 0,
        finished_minutes INTEGER CHECK (finished_minutes > 0),
        draft_url        TEXT NOT NULL DEFAULT '',
        published_url    TEXT NOT NULL DEFAULT '',
        tags             TEXT NOT NULL DEFAULT '',
        event_id         TEXT REFERENCES event (id) ON DELETE SET NULL,
        talk_id          TEXT REFERENCES talk (id) ON DELETE SET NULL,
        notes            TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        CHECK ((publish_at IS NULL) = (timezone IS NULL)),
        CHECK (publish_at IS NULL OR due_on IS NULL OR substr(publish_at, 1, 10) >= due_on)
    ) STRICT;
    CREATE INDEX content_owner ON content (owner_id);
    CREATE INDEX content_event ON content (event_id);
    CREATE INDEX content_talk ON content (talk_id);
    "#,
    // v5: trips with their segments and cost lines, quarter budgets, exchange rates.
    r#"
    CREATE TABLE trip (
        id         TEXT PRIMARY KEY NOT NULL,
        person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        status     TEXT NOT NULL,
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX trip_person ON trip (person_id);

    CREATE TABLE trip_event (
        trip_id  TEXT NOT NULL REFERENCES trip (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        PRIMARY KEY (trip_id, event_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX trip_event_event ON trip_event (event_id);

    CREATE TABLE trip_segment (
        id            TEXT PRIMARY KEY NOT NULL,
        trip_id       TEXT NOT NULL REFERENCES trip (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        mode          TEXT NOT NULL,
        from_label    TEXT NOT NULL,
        from_name     TEXT NOT NULL,
        from_city     TEXT NOT NULL,
        from_country  TEXT NOT NULL,
        from_timezone TEXT NOT NULL,
        from_lat      REAL,
        from_lon      REAL,
        to_label      TEXT NOT NULL,
        to_name       TEXT NOT NULL,
        to_city       TEXT NOT NULL,
        to_country    TEXT NOT NULL,
        to_timezone   TEXT NOT NULL,
        to_lat        REAL,
        to_lon        REAL,
        depart_at     TEXT NOT NULL,
        arrive_at     TEXT NOT NULL,
        reference     TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX trip_segment_trip ON trip_segment (trip_id, position);

    CREATE TABLE cost_line (
        id            TEXT PRIMARY KEY NOT NULL,
        trip_id       TEXT NOT NULL REFERENCES trip (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        category      TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        currency      TEXT NOT NULL CHECK (length(currency) = 3),
        planned_minor INTEGER CHECK (planned_minor >= 0),
        actual_minor  INTEGER CHECK (actual_minor >= 0),
        date          TEXT NOT NULL,
        payer         TEXT NOT NULL,
        CHECK (planned_minor IS NOT NULL OR actual_minor IS NOT NULL)
    ) STRICT;
    CREATE INDEX cost_line_trip ON cost_line (trip_id, position);
    CREATE INDEX cost_line_date ON cost_line (date);

    CREATE TABLE budget (
        id           TEXT PRIMARY KEY NOT NULL,
        quarter      TEXT NOT NULL,
        person_id    TEXT REFERENCES person (id) ON DELETE CASCADE,
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        currency     TEXT NOT NULL CHECK (length(currency) = 3),
        alerts       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    ) STRICT;
    -- One budget per person per quarter, and one for the team (no person).
    CREATE UNIQUE INDEX budget_scope ON budget (quarter, coalesce(person_id, ''));

    CREATE TABLE exchange_rate (
        currency   TEXT NOT NULL CHECK (length(currency) = 3),
        day        TEXT NOT NULL,
        rate_micro INTEGER NOT NULL CHECK (rate_micro > 0),
        source     TEXT NOT NULL,
        PRIMARY KEY (currency, day)
    ) STRICT, WITHOUT ROWID;
    "#,
    // v6: the load model's thresholds, overridden for the team (no person) or one person.
    r#"
    CREATE TABLE threshold (
        person_id TEXT REFERENCES person (id) ON DELETE CASCADE,
        key       TEXT NOT NULL CHECK (length(key) > 0),
        value     REAL NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX threshold_scope ON threshold (coalesce(person_id, ''), key);
    "#,
    // v7: other calendars' events imported as busy time, the zones only their
    // files define, and what each exported item looked like last time (for SEQUENCE).
    r#"
    CREATE TABLE imported_event (
        person_id     TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        calendar      TEXT NOT NULL,
        uid           TEXT NOT NULL CHECK (length(uid) > 0),
        recurrence_id TEXT NOT NULL DEFAULT '',
        sequence      INTEGER NOT NULL,
        summary       TEXT NOT NULL,
        location      TEXT NOT NULL,
        start         TEXT NOT NULL,
        end           TEXT NOT NULL,
        rrule         TEXT,
        rdates        TEXT NOT NULL,
        exdates       TEXT NOT NULL,
        status        TEXT,
        transparent   INTEGER NOT NULL,
        this_and_future INTEGER NOT NULL,
        -- The days its occurrences can touch, so that a reload reads only
        -- the events near the weeks it shows.
        first_day     TEXT NOT NULL,
        last_day      TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        PRIMARY KEY (person_id, uid, recurrence_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX imported_event_calendar ON imported_event (person_id, calendar);
    CREATE INDEX imported_event_days ON imported_event (last_day, first_day);

    CREATE TABLE imported_zone (
        tzid       TEXT PRIMARY KEY NOT NULL,
        definition TEXT NOT NULL
    ) STRICT;

    CREATE TABLE exported_item (
        uid        TEXT PRIMARY KEY NOT NULL,
        digest     TEXT NOT NULL,
        sequence   INTEGER NOT NULL,
        changed_at TEXT NOT NULL
    ) STRICT;
    "#,
    // v8: the quarter plan. Goals per person (or the team) per quarter, the target
    // mix of DevRel functions, each activity's function when it is not its kind's
    // default, and the outcomes recorded once an activity is done. Functions and
    // outcomes point at exactly one record through real foreign keys.
    r#"
    CREATE TABLE goal (
        id         TEXT PRIMARY KEY NOT NULL,
        quarter    TEXT NOT NULL,
        person_id  TEXT REFERENCES person (id) ON DELETE CASCADE,
        metric     TEXT NOT NULL,
        target     INTEGER NOT NULL CHECK (target >= 0),
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX goal_scope ON goal (quarter, coalesce(person_id, ''), metric);

    CREATE TABLE target_mix (
        quarter    TEXT NOT NULL,
        person_id  TEXT REFERENCES person (id) ON DELETE CASCADE,
        engagement INTEGER NOT NULL CHECK (engagement BETWEEN 0 AND 100),
        education  INTEGER NOT NULL CHECK (education BETWEEN 0 AND 100),
        advocacy   INTEGER NOT NULL CHECK (advocacy BETWEEN 0 AND 100),
        outreach   INTEGER NOT NULL CHECK (outreach BETWEEN 0 AND 100),
        updated_at TEXT NOT NULL,
        CHECK (engagement + education + advocacy + outreach = 100)
    ) STRICT;
    CREATE UNIQUE INDEX target_mix_scope ON target_mix (quarter, coalesce(person_id, ''));

    CREATE TABLE activity_function (
        event_id   TEXT UNIQUE REFERENCES event (id) ON DELETE CASCADE,
        talk_id    TEXT UNIQUE REFERENCES talk (id) ON DELETE CASCADE,
        content_id TEXT UNIQUE REFERENCES content (id) ON DELETE CASCADE,
        function   TEXT NOT NULL,
        CHECK ((event_id IS NOT NULL) + (talk_id IS NOT NULL) + (content_id IS NOT NULL) = 1)
    ) STRICT;

    CREATE TABLE outcome (
        id             TEXT PRIMARY KEY NOT NULL,
        event_id       TEXT UNIQUE REFERENCES event (id) ON DELETE CASCADE,
        submission_id  TEXT UNIQUE REFERENCES submission (id) ON DELETE CASCADE,
        content_id     TEXT UNIQUE REFERENCES content (id) ON DELETE CASCADE,
        attendance     INTEGER CHECK (attendance >= 0),
        rating         REAL CHECK (rating BETWEEN 1 AND 5),
        views          INTEGER CHECK (views >= 0),
        signups        INTEGER CHECK (signups >= 0),
        leads          INTEGER CHECK (leads >= 0),
        feedback_items INTEGER CHECK (feedback_items >= 0),
        notes          TEXT NOT NULL DEFAULT '',
        recorded_on    TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        CHECK ((event_id IS NOT NULL) + (submission_id IS NOT NULL) + (content_id IS NOT NULL) = 1)
    ) STRICT;
    "#,
    // v9: live calendars. The CalDAV account this plan publishes to (its password
    // lives in the OS keychain, never here), the calendar made there for each kind,
    // and each item as last written, so that a sync sends only what changed and
    // writes only over what it last saw there.
    r#"
    CREATE TABLE calendar_account (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        server_url   TEXT NOT NULL,
        user_name    TEXT NOT NULL,
        person_id    TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        principal    TEXT NOT NULL,
        home         TEXT NOT NULL,
        connected_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE published_calendar (
        kind    TEXT PRIMARY KEY NOT NULL,
        account INTEGER NOT NULL DEFAULT 1 REFERENCES calendar_account (id) ON DELETE CASCADE,
        href    TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE published_item (
        uid    TEXT PRIMARY KEY NOT NULL,
        kind   TEXT NOT NULL REFERENCES published_calendar (kind) ON DELETE CASCADE,
        href   TEXT NOT NULL UNIQUE,
        etag   TEXT NOT NULL,
        digest TEXT NOT NULL
    ) STRICT;

    -- The person's own calendars whose events count as busy time, read from the
    -- token the last read ended with; each item read, with the UIDs it held.
    CREATE TABLE busy_calendar (
        href       TEXT PRIMARY KEY NOT NULL,
        account    INTEGER NOT NULL DEFAULT 1 REFERENCES calendar_account (id) ON DELETE CASCADE,
        sync_token TEXT
    ) STRICT;

    CREATE TABLE busy_item (
        href     TEXT PRIMARY KEY NOT NULL,
        calendar TEXT NOT NULL REFERENCES busy_calendar (href) ON DELETE CASCADE,
        etag     TEXT NOT NULL,
        uids     TEXT NOT NULL
    ) STRICT;
    "#,
    // v10: edits made in other calendar apps. Each published item keeps the text
    // last written, the base a three-way merge needs to tell whose field changed;
    // each published calendar keeps its sync token, so a sync reads only what
    // changed there. A busy calendar may count as time off instead of meetings.
    r#"
    ALTER TABLE published_item ADD COLUMN text TEXT NOT NULL DEFAULT '';
    ALTER TABLE published_calendar ADD COLUMN sync_token TEXT;
    ALTER TABLE busy_calendar ADD COLUMN counts_as TEXT NOT NULL DEFAULT 'busy'
        CHECK (counts_as IN ('busy', 'out_of_office'));
    "#,
];

pub fn all() -> Migrations<'static> {
    of(STEPS)
}

/// The migrations for `steps`, a prefix of the schema history (the tests build past versions with it).
pub fn of(steps: &[&'static str]) -> Migrations<'static> {
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
