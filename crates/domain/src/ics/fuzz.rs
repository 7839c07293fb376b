//! The importer under random input: whatever the bytes, it returns a
//! calendar or an error, never a panic, and what it returns expands.
//! Inputs that once broke it are kept in `proptest-regressions/` and in
//! `tests/fixtures/ics/fuzz/`, which is replayed on every run.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::import;
use super::occurrences;
use super::zone::Zone;

const SEED: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
BEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Custom:20260105T090000\r\nDURATION:PT1H\r\n\
RRULE:FREQ=WEEKLY;UNTIL=20270101T000000Z;BYDAY=MO,WE\r\nEXDATE:20260107T080000Z\r\nRDATE;VALUE=PERIOD:20260110T100000Z/PT3H\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Custom:20260112T090000\r\nDTSTART;TZID=Custom:20260112T100000\r\n\
DTEND;TZID=Custom:20260112T113000\r\nSEQUENCE:2\r\nSUMMARY:Moved\\, later\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20260301\r\nDTEND;VALUE=DATE:20260304\r\nRRULE:FREQ=YEARLY;COUNT=3\r\nEND:VEVENT\r\n\
BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";

/// Reads `bytes` and, if they read, expands them over a few years and as busy time.
fn exercise(bytes: &[u8]) {
    if let Ok(file) = import::read(bytes) {
        let zones = file.zones();
        let at = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap().and_time(Default::default());
        let _ = occurrences::between(&file.events, &zones, at(2025), at(2028));
        let _ = occurrences::busy_between(&file.events, &zones, &Zone::Iana(chrono_tz::UTC), at(2026), at(2027), true);
    }
}

/// The seed with one line changed: dropped, doubled, cut short, or with
/// part of it replaced by another line's text or by random bytes.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let lines: Vec<&'static str> = SEED.split("\r\n").collect();
    let n = lines.len();
    (0..n, 0..n, 0u8..5, any::<usize>(), proptest::collection::vec(any::<u8>(), 0..12)).prop_map(
        move |(i, j, how, cut, noise)| {
            let mut out: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
            match how {
                0 => {
                    out.remove(i);
                }
                1 => out.insert(i, out[j].clone()),
                2 => {
                    let keep = cut % (out[i].len() + 1);
                    out[i].truncate(keep);
                }
                3 => {
                    let keep = cut % (out[i].len() + 1);
                    out[i].truncate(keep);
                    let tail = out[j].clone();
                    out[i].extend(tail);
                }
                _ => {
                    let at = cut % (out[i].len() + 1);
                    out[i].splice(at..at, noise);
                }
            }
            out.join(&b"\r\n"[..])
        },
    )
}

/// Values a fuzzer's random bytes rarely hit: edges of dates, offsets,
/// durations and rules.
fn nasty_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("DTSTART:99991231T235959Z".to_string()),
        Just("DTSTART;VALUE=DATE:00010101".to_string()),
        Just("DURATION:P99999W".to_string()),
        Just("DURATION:-PT1S".to_string()),
        Just("RRULE:FREQ=SECONDLY".to_string()),
        Just("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30".to_string()),
        Just("RRULE:FREQ=DAILY;COUNT=4294967295".to_string()),
        Just("RRULE:FREQ=WEEKLY;UNTIL=00010101T000000Z".to_string()),
        Just("EXDATE;TZID=Custom:20260107T090000,garbage".to_string()),
        Just("RDATE;VALUE=PERIOD:20260110T100000Z/P99999999D".to_string()),
        Just("TZOFFSETTO:+2359".to_string()),
        Just("TZOFFSETFROM:-235959".to_string()),
        Just("RECURRENCE-ID;VALUE=DATE:99991231".to_string()),
        Just("DTEND;TZID=Custom:99991231T235959".to_string()),
        "[A-Z-]{1,12}(;[A-Z]{1,5}=\"?[^\"\r\n]{0,10}\"?)?:[ -~]{0,40}",
    ]
}

fn with_nasty_line() -> impl Strategy<Value = Vec<u8>> {
    let lines: Vec<&'static str> = SEED.split("\r\n").collect();
    let n = lines.len();
    (1..n - 1, nasty_value(), any::<bool>()).prop_map(move |(i, value, replace)| {
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        if replace {
            out[i] = value;
        } else {
            out.insert(i, value);
        }
        out.join("\r\n").into_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        exercise(&bytes);
    }

    #[test]
    fn a_calendar_with_one_line_broken_never_panics(bytes in mutated()) {
        exercise(&bytes);
    }

    #[test]
    fn edge_values_never_panic(bytes in with_nasty_line()) {
        exercise(&bytes);
    }
}

/// Every input kept from earlier runs that found a panic.
#[test]
fn the_kept_corpus_never_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ics/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("the fuzz corpus is there") {
        exercise(&std::fs::read(entry.unwrap().path()).unwrap());
        n += 1;
    }
    exercise(SEED.as_bytes());
    assert!(n > 0);
}
