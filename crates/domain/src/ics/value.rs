//! iCalendar values: DATE, DATE-TIME (UTC, floating or with a TZID),
//! DURATION and UTC-OFFSET.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::reader::Property;
use crate::{Error, Result};

/// A start, end or recurrence instant as the file gave it. `Zoned` times are
/// wall-clock times in the named zone; `Floating` ones are wherever the
/// reader is (the load model reads them in the person's home zone).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stamp {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, String),
}

impl Stamp {
    /// The wall-clock time (midnight for a date), without its zone.
    pub fn wall(&self) -> NaiveDateTime {
        match self {
            Stamp::Date(d) => d.and_time(NaiveTime::MIN),
            Stamp::Floating(t) | Stamp::Utc(t) | Stamp::Zoned(t, _) => *t,
        }
    }

    pub fn is_date(&self) -> bool {
        matches!(self, Stamp::Date(_))
    }

    pub fn tzid(&self) -> Option<&str> {
        match self {
            Stamp::Zoned(_, tz) => Some(tz),
            _ => None,
        }
    }

    /// The same kind of value at another wall-clock time.
    pub fn with_wall(&self, wall: NaiveDateTime) -> Stamp {
        match self {
            Stamp::Date(_) => Stamp::Date(wall.date()),
            Stamp::Floating(_) => Stamp::Floating(wall),
            Stamp::Utc(_) => Stamp::Utc(wall),
            Stamp::Zoned(_, tz) => Stamp::Zoned(wall, tz.clone()),
        }
    }

    /// The value as written after the colon: `20261121`, `20261121T090000`, `…Z`.
    pub fn value_text(&self) -> String {
        match self {
            Stamp::Date(d) => date_text(*d),
            Stamp::Floating(t) | Stamp::Zoned(t, _) => date_time_text(*t),
            Stamp::Utc(t) => format!("{}Z", date_time_text(*t)),
        }
    }
}

impl Stamp {
    /// One string that keeps everything (`TZID=Europe/Berlin:20261121T090000`),
    /// how the store keeps a stamp.
    pub fn code(&self) -> String {
        match self {
            Stamp::Zoned(_, tz) => format!("TZID={tz}:{}", self.value_text()),
            _ => self.value_text(),
        }
    }

    pub fn from_code(code: &str) -> Option<Stamp> {
        if let Some(rest) = code.strip_prefix("TZID=") {
            let (tz, v) = rest.rsplit_once(':')?;
            return Some(Stamp::Zoned(parse_date_time(v)?, tz.to_string()));
        }
        if let Some(v) = code.strip_suffix('Z') {
            return parse_date_time(v).map(Stamp::Utc);
        }
        if code.len() == 8 {
            return parse_date(code).map(Stamp::Date);
        }
        parse_date_time(code).map(Stamp::Floating)
    }
}

pub fn date_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

pub fn date_time_text(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{}T{:02}{:02}{:02}", date_text(t.date()), t.hour(), t.minute(), t.second())
}

/// DTSTART, DTEND, RECURRENCE-ID and friends: one value, typed by its form
/// and VALUE parameter.
pub fn stamp(p: &Property) -> Result<Stamp> {
    stamp_text(p, p.value.trim())
}

/// EXDATE and RDATE: a comma-separated list sharing the property's parameters.
/// PERIOD values of RDATE keep their start.
pub fn stamps(p: &Property) -> Result<Vec<Stamp>> {
    Ok(periods(p)?.into_iter().map(|(s, _)| s).collect())
}

/// RDATE values with the end a PERIOD gives (`start/end` or `start/duration`).
pub fn periods(p: &Property) -> Result<Vec<(Stamp, Option<Stamp>)>> {
    let mut out = Vec::new();
    for v in p.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        let (start, end) = match v.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (v, None),
        };
        let start = stamp_text(p, start)?;
        let end = match end {
            None => None,
            Some(b) if b.starts_with(['P', '+', '-']) => {
                let d = parse_duration(b).ok_or_else(|| Error::invalid(p.at(), format!("{b:?} is not a duration")))?;
                Some(start.with_wall(start.wall() + d))
            }
            Some(b) => Some(stamp_text(p, b)?),
        };
        out.push((start, end));
    }
    Ok(out)
}

fn stamp_text(p: &Property, v: &str) -> Result<Stamp> {
    let bad = || Error::invalid(p.at(), format!("{v:?} is not a date or date-time"));
    let is_date = p.param("VALUE").is_some_and(|t| t.eq_ignore_ascii_case("DATE")) || v.len() == 8;
    if is_date {
        return parse_date(v).map(Stamp::Date).ok_or_else(bad);
    }
    let (body, utc) = match v.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (v, false),
    };
    let t = parse_date_time(body).ok_or_else(bad)?;
    Ok(match (utc, p.param("TZID")) {
        (true, _) => Stamp::Utc(t),
        (false, Some(tz)) => Stamp::Zoned(t, tz.trim().to_string()),
        (false, None) => Stamp::Floating(t),
    })
}

pub fn parse_date(v: &str) -> Option<NaiveDate> {
    if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| v[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(4..6)?, n(6..8)?)
}

/// `YYYYMMDDTHHMMSS`; a leap second (60) is read as 59, as other readers do.
pub fn parse_date_time(v: &str) -> Option<NaiveDateTime> {
    let (d, t) = v.split_once(['T', 't'])?;
    if t.len() != 6 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().ok();
    let time = NaiveTime::from_hms_opt(n(0..2)?, n(2..4)?, n(4..6)?.min(59))?;
    Some(parse_date(d)?.and_time(time))
}

/// `[+|-]P[nW]` or `[+|-]P[nD][T[nH][nM][nS]]`.
pub fn duration(p: &Property) -> Result<Duration> {
    parse_duration(p.value.trim()).ok_or_else(|| Error::invalid(p.at(), format!("{:?} is not a duration", p.value)))
}

pub fn parse_duration(v: &str) -> Option<Duration> {
    let (sign, rest) = match v.as_bytes().first()? {
        b'-' => (-1, &v[1..]),
        b'+' => (1, &v[1..]),
        _ => (1, v),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let (mut seconds, mut number, mut in_time, mut any) = (0i64, None::<i64>, false, false);
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' => {
                let digit = i64::from(c.to_digit(10)?);
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            }
            'T' if !in_time && number.is_none() => in_time = true,
            unit => {
                let n = number.take()?;
                let scale = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(scale)?)?;
                any = true;
            }
        }
    }
    // A century is longer than any event; beyond it the number is nonsense.
    (any && number.is_none() && seconds <= 100 * 366 * 86_400).then(|| Duration::seconds(sign * seconds))
}

/// `+0100`, `-0530`, `+013045`: seconds east of UTC.
pub fn utc_offset(p: &Property) -> Result<i32> {
    let v = p.value.trim();
    let bad = || Error::invalid(p.at(), format!("{v:?} is not a UTC offset like +0100"));
    let (sign, digits) = match v.as_bytes().first() {
        Some(b'+') => (1, &v[1..]),
        Some(b'-') => (-1, &v[1..]),
        _ => return Err(bad()),
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).map_or(0, |s| s.parse::<i32>().unwrap_or(0));
    let (h, m, s) = (n(0..2), n(2..4), n(4..6));
    if h > 23 || m > 59 || s > 59 {
        return Err(bad());
    }
    Ok(sign * (h * 3_600 + m * 60 + s))
}

pub fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    if s.is_multiple_of(60) {
        format!("{sign}{:02}{:02}", s / 3_600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3_600, s / 60 % 60, s % 60)
    }
}

pub fn duration_text(d: Duration) -> String {
    let mut s = d.num_seconds();
    let sign = if s < 0 { "-" } else { "" };
    s = s.abs();
    if s % 86_400 == 0 && s > 0 {
        return format!("{sign}P{}D", s / 86_400);
    }
    let (days, h, m, sec) = (s / 86_400, s / 3_600 % 24, s / 60 % 60, s % 60);
    let mut out = format!("{sign}P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    out.push('T');
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if sec > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{sec}S"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prop(line: &str) -> Property {
        let roots = super::super::reader::parse(format!("BEGIN:X\n{line}\nEND:X\n").as_bytes()).unwrap();
        roots[0].properties[0].clone()
    }

    #[test]
    fn stamps_take_their_kind_from_form_and_parameters() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(stamp(&prop("DTSTART;VALUE=DATE:20261225")).unwrap(), Stamp::Date("2026-12-25".parse().unwrap()));
        assert_eq!(stamp(&prop("DTSTART:20261225T093000Z")).unwrap(), Stamp::Utc(t("2026-12-25 09:30")));
        assert_eq!(stamp(&prop("DTSTART:20261225T093000")).unwrap(), Stamp::Floating(t("2026-12-25 09:30")));
        assert_eq!(
            stamp(&prop("DTSTART;TZID=\"Europe/Berlin\":20261225T093000")).unwrap(),
            Stamp::Zoned(t("2026-12-25 09:30"), "Europe/Berlin".into())
        );
        assert_eq!(stamps(&prop("EXDATE:20261201T090000Z,20261208T090000Z")).unwrap().len(), 2);
        let err = stamp(&prop("DTSTART:20261325T093000")).unwrap_err().to_string();
        assert_eq!(err, "line 2, DTSTART: \"20261325T093000\" is not a date or date-time");
    }

    #[test]
    fn durations_and_offsets_read_and_write() {
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("-P1W"), Some(Duration::days(-7)));
        assert_eq!(parse_duration("P1DT12H"), Some(Duration::hours(36)));
        for bad in ["P", "PT", "1H", "PT1D", "P1H", "P99999999999999999999D", "PT5"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(duration_text(Duration::minutes(90)), "PT1H30M");
        assert_eq!(duration_text(Duration::days(-3)), "-P3D");
        assert_eq!(duration_text(Duration::zero()), "PT0S");
        assert_eq!(utc_offset(&prop("TZOFFSETTO:-0530")).unwrap(), -19_800);
        assert_eq!(offset_text(-19_800), "-0530");
        assert_eq!(offset_text(3_600 + 45), "+010045");
        assert!(utc_offset(&prop("TZOFFSETTO:+2500")).is_err());
        assert!(utc_offset(&prop("TZOFFSETTO:0100")).unwrap_err().to_string().starts_with("line 2, TZOFFSETTO"));
    }
}
