//! Figures a trip's segments imply, never typed: UTC instants and durations, the
//! time-zone shift and its direction, red-eyes, nights away, travel days, distance
//! and CO2 with the factor behind it.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::check;
use crate::place::Place;
use crate::travel::zone;
use crate::{Error, Result};

text_enum!(
    /// How a segment travels, which picks its CO2 factor.
    TravelMode {
        Flight = "flight",
        Train = "train",
        Car = "car",
        Bus = "bus",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub id: Uuid,
    pub mode: TravelMode,
    pub from: Place,
    pub to: Place,
    /// Local wall-clock time at `from`.
    pub depart_at: NaiveDateTime,
    /// Local wall-clock time at `to`.
    pub arrive_at: NaiveDateTime,
    /// Flight or train number, booking code.
    pub reference: String,
}

text_enum!(
    /// Which way the body clock has to move: east is an earlier bedtime.
    ShiftDirection {
        East = "east",
        West = "west",
        None = "none",
    }
);

/// A CO2 figure per km and where it comes from, shown beside the figure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Co2Factor {
    pub kg_per_km: f64,
    /// e.g. "flight over 3,700 km (long-haul), economy, with radiative forcing, +8 % on the great-circle distance";
    /// the ground modes' bases say they are approximate.
    pub basis: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SegmentFacts {
    pub segment_id: Uuid,
    pub depart_utc: DateTime<Utc>,
    pub arrive_utc: DateTime<Utc>,
    #[ts(type = "number")]
    pub duration_minutes: i64,
    /// Arrival zone's UTC offset minus the departure zone's, both taken at the departure instant
    /// (so DST on the travel date counts), wrapped into (-12 h, +12 h]; positive = east. Minutes.
    pub shift_minutes: i32,
    pub direction: ShiftDirection,
    /// |shift| in hours (5.5 for India).
    pub zones_crossed: f64,
    /// At least 3 h under way in the 00:00–06:00 night of either end, arriving 04:00–11:59 local.
    pub red_eye: bool,
    /// Great-circle km between the places, when both have coordinates (rounded to whole km).
    pub distance_km: Option<f64>,
    pub co2_kg: Option<f64>,
    pub co2_factor: Option<Co2Factor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TripFacts {
    /// In departure order.
    pub segments: Vec<SegmentFacts>,
    pub leaves_utc: Option<DateTime<Utc>>,
    pub returns_utc: Option<DateTime<Utc>>,
    /// Home-zone calendar date of the last arrival minus that of the first departure, in days.
    pub nights_away: u32,
    /// Every local date (as typed, in each segment's own wall clock) from a segment's
    /// departure date to its arrival date, deduplicated, sorted.
    pub travel_days: Vec<NaiveDate>,
    /// The largest signed shift between the home zone and any arrival place (offsets at that
    /// arrival instant), wrapped as above; the body-clock change of the trip.
    pub max_shift_minutes: i32,
    pub max_shift_direction: ShiftDirection,
    pub red_eyes: u32,
    pub distance_km: f64,
    pub co2_kg: f64,
    /// True when some segment has no distance (a place without coordinates) or no CO2
    /// factor (mode `other`), so the totals leave it out.
    pub incomplete: bool,
}

/// Longer than this is a typo in a date, not a journey.
const MAX_SEGMENT_HOURS: i64 = 72;
/// Red-eye: this much of the journey in the 00:00–06:00 night of either end...
const RED_EYE_NIGHT_MINUTES: i64 = 180;
const NIGHT_ENDS_HOURS: i64 = 6;
/// ...and arriving in the morning, 04:00 to 11:59 local.
const MORNING_HOURS: std::ops::Range<u32> = 4..12;
/// Mean Earth radius (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

impl Segment {
    /// Checks the segment and derives its facts; `field` is its place in the input
    /// (`segments[1]`), so errors name `segments[1].arrive_at`.
    pub fn validate(&self, field: &str) -> Result<SegmentFacts> {
        let from_zone = zone::parse(&format!("{field}.from.timezone"), &self.from.timezone)?;
        let to_zone = zone::parse(&format!("{field}.to.timezone"), &self.to.timezone)?;
        check::line(&format!("{field}.reference"), &self.reference)?;
        let depart_utc = instant(&format!("{field}.depart_at"), from_zone, self.depart_at)?;
        let arrive_utc = instant(&format!("{field}.arrive_at"), to_zone, self.arrive_at)?;
        // Said in UTC: two local times in two zones are what confused the user in the first place.
        let utc = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC");
        if arrive_utc <= depart_utc {
            let when = if arrive_utc == depart_utc { "the moment" } else { "before" };
            return Err(Error::invalid(
                format!("{field}.arrive_at"),
                format!("arrives {}, {when} it departs {}", utc(arrive_utc), utc(depart_utc)),
            ));
        }
        let duration = arrive_utc - depart_utc;
        if duration > Duration::hours(MAX_SEGMENT_HOURS) {
            return Err(Error::invalid(
                format!("{field}.arrive_at"),
                format!(
                    "arrives {}, {} h after it departs {}; a segment lasts at most {MAX_SEGMENT_HOURS} h: check the dates",
                    utc(arrive_utc),
                    duration.num_hours(),
                    utc(depart_utc)
                ),
            ));
        }
        let shift_minutes = wrap_minutes(offset_minutes(to_zone, depart_utc) - offset_minutes(from_zone, depart_utc));
        let night = |zone: Tz| night_minutes(zone, depart_utc, arrive_utc);
        let red_eye = (night(from_zone) >= RED_EYE_NIGHT_MINUTES || night(to_zone) >= RED_EYE_NIGHT_MINUTES)
            && MORNING_HOURS.contains(&self.arrive_at.hour());
        let from_position = position(&format!("{field}.from"), &self.from)?;
        let to_position = position(&format!("{field}.to"), &self.to)?;
        let distance_km = from_position.zip(to_position).map(|(a, b)| great_circle_km(a, b).round());
        let co2 = distance_km.and_then(|km| co2(self.mode, km));
        Ok(SegmentFacts {
            segment_id: self.id,
            depart_utc,
            arrive_utc,
            duration_minutes: duration.num_minutes(),
            shift_minutes,
            direction: direction(shift_minutes),
            zones_crossed: f64::from(shift_minutes.abs()) / 60.0,
            red_eye,
            distance_km,
            co2_kg: co2.as_ref().map(|(kg, _)| *kg),
            co2_factor: co2.map(|(_, factor)| factor),
        })
    }
}

/// Validates every segment (errors name `segments[i]`, its index in `segments`) and sums
/// up the trip, as seen from `home`.
pub fn trip_facts(segments: &[Segment], home: Tz) -> Result<TripFacts> {
    let mut legs = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let facts = segment.validate(&format!("segments[{i}]"))?;
        let arrival_zone = zone::parse(&format!("segments[{i}].to.timezone"), &segment.to.timezone)?;
        let at = facts.arrive_utc;
        let home_shift = wrap_minutes(offset_minutes(arrival_zone, at) - offset_minutes(home, at));
        legs.push((facts, home_shift));
    }
    legs.sort_by_key(|(facts, _)| facts.depart_utc);

    let leaves_utc = legs.first().map(|(f, _)| f.depart_utc);
    let returns_utc = legs.iter().map(|(f, _)| f.arrive_utc).max();
    let nights_away = match (leaves_utc, returns_utc) {
        (Some(leaves), Some(returns)) => {
            let day = |t: DateTime<Utc>| t.with_timezone(&home).date_naive();
            u32::try_from((day(returns) - day(leaves)).num_days()).unwrap_or(0)
        }
        _ => 0,
    };
    let mut travel_days: Vec<NaiveDate> = segments
        .iter()
        .flat_map(|s| {
            // A flight east over the date line can land on an earlier date than it left.
            let (a, b) = (s.depart_at.date(), s.arrive_at.date());
            a.min(b).iter_days().take_while(move |d| *d <= a.max(b))
        })
        .collect();
    travel_days.sort_unstable();
    travel_days.dedup();
    // Ties keep the earlier segment: the first time the body clock had to move that far.
    let max_shift_minutes =
        legs.iter().map(|(_, shift)| *shift).reduce(|max, s| if s.abs() > max.abs() { s } else { max }).unwrap_or(0);
    let facts: Vec<SegmentFacts> = legs.into_iter().map(|(f, _)| f).collect();
    Ok(TripFacts {
        leaves_utc,
        returns_utc,
        nights_away,
        travel_days,
        max_shift_minutes,
        max_shift_direction: direction(max_shift_minutes),
        red_eyes: facts.iter().filter(|f| f.red_eye).count() as u32,
        distance_km: facts.iter().filter_map(|f| f.distance_km).sum(),
        co2_kg: tenths(facts.iter().filter_map(|f| f.co2_kg).sum()),
        incomplete: facts.iter().any(|f| f.distance_km.is_none() || f.co2_kg.is_none()),
        segments: facts,
    })
}

/// A place's coordinates when it has both, refusing ones off the globe.
fn position(field: &str, place: &Place) -> Result<Option<(f64, f64)>> {
    let (Some(lat), Some(lon)) = (place.lat, place.lon) else { return Ok(None) };
    if !(-90.0..=90.0).contains(&lat) {
        return Err(Error::invalid(format!("{field}.lat"), format!("{lat} is not a latitude (-90 to 90)")));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(Error::invalid(format!("{field}.lon"), format!("{lon} is not a longitude (-180 to 180)")));
    }
    Ok(Some((lat, lon)))
}

/// The instant a wall-clock time names in `zone`. When the clocks go back the time
/// happens twice and the first is meant; when they go forward it never happens.
fn instant(field: &str, zone: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>> {
    zone.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).ok_or_else(|| {
        Error::invalid(
            field,
            format!(
                "{} does not exist in {}: the clocks go forward that night",
                local.format("%Y-%m-%d %H:%M"),
                zone.name()
            ),
        )
    })
}

fn offset_minutes(zone: Tz, at: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc() / 60
}

/// Into (-12 h, +12 h]: 15 h west is 9 h east for the body clock.
pub(crate) fn wrap_minutes(minutes: i32) -> i32 {
    let m = minutes.rem_euclid(24 * 60);
    if m > 12 * 60 { m - 24 * 60 } else { m }
}

fn direction(shift_minutes: i32) -> ShiftDirection {
    match shift_minutes.signum() {
        1 => ShiftDirection::East,
        -1 => ShiftDirection::West,
        _ => ShiftDirection::None,
    }
}

/// Minutes of `from..to` that fall in the 00:00–06:00 night of `zone`, over every
/// night the interval touches, in real minutes (a DST night is 5 or 7 h long).
fn night_minutes(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let first = from.with_timezone(&zone).date_naive();
    let last = to.with_timezone(&zone).date_naive();
    first
        .iter_days()
        .take_while(|day| *day <= last)
        .map(|day| {
            let midnight = day.and_time(NaiveTime::MIN);
            let start = wall_clock_start(zone, midnight);
            let end = wall_clock_start(zone, midnight + Duration::hours(NIGHT_ENDS_HOURS));
            (to.min(end) - from.max(start)).num_minutes().max(0)
        })
        .sum()
}

/// The first instant at or after a wall-clock time: midnight does not exist on the
/// nights some zones (Havana, Santiago) put their clocks forward at 00:00.
fn wall_clock_start(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    // Clocks change on the quarter hour; Samoa once skipped a whole day.
    (0..=4 * 48)
        .find_map(|quarters| zone.from_local_datetime(&(local + Duration::minutes(15 * quarters))).earliest())
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// Great-circle distance by the haversine formula on a sphere of the Earth's mean radius.
pub fn great_circle_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let (dphi, dlambda) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

const DESNZ: &str = "UK DESNZ greenhouse gas conversion factors 2024, condensed set";
/// DESNZ's uplift of the great-circle distance for indirect routes and stacking.
const FLIGHT_DISTANCE_UPLIFT: f64 = 1.08;

/// The CO2 of one traveller over `distance_km` (great circle), with the factor used;
/// `None` for `other`, which has no factor.
pub fn co2(mode: TravelMode, distance_km: f64) -> Option<(f64, Co2Factor)> {
    const FLIGHT: &str = "with radiative forcing, +8 % on the great-circle distance";
    // Not checked against the DESNZ spreadsheet, and said so wherever they show.
    const GROUND: &str = "on the straight-line distance; approximate, not checked against the DESNZ spreadsheet";
    let (kg_per_km, basis) = match mode {
        TravelMode::Flight if distance_km < 500.0 => (0.255, format!("flight under 500 km (domestic), {FLIGHT}")),
        TravelMode::Flight if distance_km <= 3_700.0 => {
            (0.156, format!("flight of 500–3,700 km (short-haul), economy, {FLIGHT}"))
        }
        TravelMode::Flight => (0.150, format!("flight over 3,700 km (long-haul), economy, {FLIGHT}")),
        TravelMode::Train => (0.035, format!("train (national rail), per passenger-km {GROUND}")),
        TravelMode::Bus => (0.027, format!("bus (coach), per passenger-km {GROUND}")),
        TravelMode::Car => (0.166, format!("car (average car, unknown fuel, one traveller), per vehicle-km {GROUND}")),
        TravelMode::Other => return None,
    };
    let km = if mode == TravelMode::Flight { distance_km * FLIGHT_DISTANCE_UPLIFT } else { distance_km };
    Some((tenths(km * kg_per_km), Co2Factor { kg_per_km, basis, source: DESNZ.to_string() }))
}

/// To 0.1 kg: finer would claim a precision the factors do not have.
fn tenths(kg: f64) -> f64 {
    (kg * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        at(s).and_utc()
    }

    fn flight(from: &str, depart: &str, to: &str, arrive: &str) -> Segment {
        Segment {
            id: Uuid::now_v7(),
            mode: TravelMode::Flight,
            from: place::resolve("from", from).unwrap(),
            to: place::resolve("to", to).unwrap(),
            depart_at: at(depart),
            arrive_at: at(arrive),
            reference: String::new(),
        }
    }

    fn invalid(err: Error) -> (String, String) {
        match err {
            Error::Invalid { field, message } => (field, message),
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn sfo_to_amsterdam_in_january_is_a_nine_hour_red_eye() {
        // KL 606-like: leaves San Francisco after lunch, lands at Schiphol the next morning.
        let f = flight("SFO", "2026-01-12 13:30", "AMS", "2026-01-13 09:00").validate("segments[0]").unwrap();
        assert_eq!(f.depart_utc, utc("2026-01-12 21:30"), "PST is UTC-8");
        assert_eq!(f.arrive_utc, utc("2026-01-13 08:00"), "CET is UTC+1");
        assert_eq!(f.duration_minutes, 10 * 60 + 30);
        assert_eq!((f.shift_minutes, f.direction, f.zones_crossed), (540, ShiftDirection::East, 9.0));
        assert!(f.red_eye, "the whole Amsterdam night under way, landing at 09:00");
        // By hand: haversine from 37.6188 N 122.3754 W to 52.3086 N 4.7639 E is 8,785.6 km.
        let km = f.distance_km.unwrap();
        assert!((km - 8_786.0).abs() <= 30.0, "{km}");
    }

    #[test]
    fn sfo_to_amsterdam_in_july_is_still_nine_hours_east() {
        // Both ends on summer time: PDT (UTC-7) and CEST (UTC+2).
        let f = flight("SFO", "2026-07-13 13:30", "AMS", "2026-07-14 09:00").validate("segments[0]").unwrap();
        assert_eq!((f.depart_utc, f.arrive_utc), (utc("2026-07-13 20:30"), utc("2026-07-14 07:00")));
        assert_eq!((f.shift_minutes, f.direction), (540, ShiftDirection::East));
        assert!(f.red_eye);
    }

    #[test]
    fn amsterdam_to_singapore_lands_in_the_afternoon_so_is_no_red_eye() {
        let january = flight("AMS", "2026-01-12 21:00", "SIN", "2026-01-13 15:50").validate("segments[0]").unwrap();
        assert_eq!((january.shift_minutes, january.direction), (7 * 60, ShiftDirection::East));
        assert_eq!(january.duration_minutes, 11 * 60 + 50);
        assert!(!january.red_eye, "a night on board, but a 15:50 arrival");
        // Singapore keeps UTC+8 all year, so the Dutch summer takes an hour off the shift.
        let july = flight("AMS", "2026-07-13 20:45", "SIN", "2026-07-14 15:05").validate("segments[0]").unwrap();
        assert_eq!((july.shift_minutes, july.direction), (6 * 60, ShiftDirection::East));
        assert_eq!(july.duration_minutes, 12 * 60 + 20);
        assert!(!july.red_eye);
    }

    #[test]
    fn new_york_to_london_overnight_is_a_red_eye() {
        let f = flight("JFK", "2026-02-02 21:00", "LHR", "2026-02-03 09:00").validate("segments[0]").unwrap();
        assert_eq!((f.depart_utc, f.arrive_utc), (utc("2026-02-03 02:00"), utc("2026-02-03 09:00")));
        assert_eq!((f.shift_minutes, f.direction, f.zones_crossed), (300, ShiftDirection::East, 5.0));
        assert!(f.red_eye, "4 h of the New York night under way, landing at 09:00");
        let daytime = flight("JFK", "2026-02-02 08:00", "LHR", "2026-02-02 20:00").validate("segments[0]").unwrap();
        assert!(!daytime.red_eye);
    }

    #[test]
    fn a_trip_between_the_us_and_eu_clock_changes() {
        // The US went to summer time on 8 March 2026, the EU not until 29 March.
        let out = flight("BER", "2026-03-20 11:00", "JFK", "2026-03-20 14:05");
        let back = flight("JFK", "2026-04-02 17:30", "BER", "2026-04-03 07:30");
        let f = out.validate("segments[0]").unwrap();
        assert_eq!((f.depart_utc, f.arrive_utc), (utc("2026-03-20 10:00"), utc("2026-03-20 18:05")));
        assert_eq!((f.shift_minutes, f.direction), (-300, ShiftDirection::West), "EDT against CET: 5 h, not 6");
        let b = back.validate("segments[1]").unwrap();
        assert_eq!((b.depart_utc, b.arrive_utc), (utc("2026-04-02 21:30"), utc("2026-04-03 05:30")));
        assert_eq!((b.shift_minutes, b.direction), (360, ShiftDirection::East), "both on summer time: 6 h");
        assert!(b.red_eye && !f.red_eye);

        // Given back first: facts come out in departure order all the same.
        let trip = trip_facts(&[back, out], chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(trip.segments[0].depart_utc, utc("2026-03-20 10:00"));
        assert_eq!(trip.leaves_utc, Some(utc("2026-03-20 10:00")));
        assert_eq!(trip.returns_utc, Some(utc("2026-04-03 05:30")));
        assert_eq!(trip.nights_away, 14, "Friday 20 March to Friday 3 April in Berlin");
        assert_eq!((trip.max_shift_minutes, trip.max_shift_direction), (-300, ShiftDirection::West));
        assert_eq!(trip.red_eyes, 1);
        assert_eq!(trip.distance_km, 2.0 * 6_390.0);
        assert_eq!(
            trip.travel_days,
            [at("2026-03-20 00:00").date(), at("2026-04-02 00:00").date(), at("2026-04-03 00:00").date()]
        );
        assert!(!trip.incomplete);
    }

    #[test]
    fn singapore_to_san_francisco_wraps_across_the_date_line() {
        // Lands at dawn on the date it left: UTC+8 to UTC-8 is 16 h west, which is 8 h east.
        let f = flight("SIN", "2026-01-12 09:00", "SFO", "2026-01-12 06:00").validate("segments[0]").unwrap();
        assert_eq!((f.depart_utc, f.arrive_utc), (utc("2026-01-12 01:00"), utc("2026-01-12 14:00")));
        assert_eq!(f.duration_minutes, 13 * 60);
        assert_eq!((f.shift_minutes, f.direction, f.zones_crossed), (480, ShiftDirection::East, 8.0));
        assert!(f.red_eye, "the whole San Francisco night on board, landing at 06:00");
    }

    #[test]
    fn half_hour_zones_count_in_hours_and_a_half() {
        let f = flight("LHR", "2026-01-12 20:40", "DEL", "2026-01-13 10:10").validate("segments[0]").unwrap();
        assert_eq!((f.shift_minutes, f.zones_crossed), (330, 5.5));
        assert!(f.red_eye);
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_naming_the_field() {
        // Berlin goes from 02:00 to 03:00 on 29 March 2026.
        let s = flight("BER", "2026-03-29 02:30", "LHR", "2026-03-29 05:00");
        let (field, message) = invalid(s.validate("segments[3]").unwrap_err());
        assert_eq!(field, "segments[3].depart_at");
        assert_eq!(message, "2026-03-29 02:30 does not exist in Europe/Berlin: the clocks go forward that night");
        let s = flight("LHR", "2026-03-28 22:00", "BER", "2026-03-29 02:15");
        assert_eq!(invalid(s.validate("segments[0]").unwrap_err()).0, "segments[0].arrive_at");
    }

    #[test]
    fn a_time_the_clocks_repeat_means_the_first() {
        // 02:30 happens twice in Berlin on 25 October 2026: first in CEST (00:30 UTC).
        let f = flight("BER", "2026-10-25 02:30", "LHR", "2026-10-25 02:30").validate("segments[0]").unwrap();
        assert_eq!(f.depart_utc, utc("2026-10-25 00:30"));
        assert_eq!(f.duration_minutes, 120);
    }

    #[test]
    fn arriving_before_departing_is_refused_in_utc() {
        // The same clock time at both ends, but Amsterdam is an hour ahead: it lands before it leaves.
        let s = flight("LHR", "2026-03-01 09:00", "AMS", "2026-03-01 09:00");
        let (field, message) = invalid(s.validate("segments[0]").unwrap_err());
        assert_eq!(field, "segments[0].arrive_at");
        assert_eq!(message, "arrives 2026-03-01 08:00 UTC, before it departs 2026-03-01 09:00 UTC");
        let trip = trip_facts(&[s], chrono_tz::Europe::London).unwrap_err();
        assert_eq!(invalid(trip).0, "segments[0].arrive_at");
    }

    #[test]
    fn a_segment_over_72_hours_is_a_typo_in_a_date() {
        let s = flight("AMS", "2026-03-01 09:00", "LHR", "2026-03-04 09:30");
        let (field, message) = invalid(s.validate("segments[0]").unwrap_err());
        assert_eq!(field, "segments[0].arrive_at");
        assert!(message.ends_with("check the dates"), "{message}");
        let three_days = flight("AMS", "2026-03-01 09:00", "LHR", "2026-03-04 08:00");
        assert!(three_days.validate("segments[0]").is_ok(), "72 h exactly is allowed");
    }

    #[test]
    fn a_bad_place_is_named_by_its_field() {
        let s = flight("AMS", "2026-03-01 09:00", "LHR", "2026-03-01 09:30");
        let bad_zone = Segment { to: Place { timezone: "Mars/Base".into(), ..s.to.clone() }, ..s.clone() };
        assert_eq!(invalid(bad_zone.validate("segments[2]").unwrap_err()).0, "segments[2].to.timezone");
        let off_the_globe = Segment { from: Place { lat: Some(91.0), ..s.from.clone() }, ..s };
        assert_eq!(invalid(off_the_globe.validate("segments[2]").unwrap_err()).0, "segments[2].from.lat");
    }

    #[test]
    fn nights_away_count_home_calendar_days() {
        // Out on a Monday's red-eye, back on Friday; home is San Francisco.
        let out = flight("SFO", "2026-01-12 13:30", "AMS", "2026-01-13 09:00");
        let back = flight("AMS", "2026-01-16 10:15", "SFO", "2026-01-16 12:35");
        let trip = trip_facts(&[out, back], chrono_tz::America::Los_Angeles).unwrap();
        assert_eq!(trip.nights_away, 4, "Monday to Friday");
        assert_eq!(trip.segments[1].duration_minutes, 11 * 60 + 20);
        assert_eq!((trip.max_shift_minutes, trip.max_shift_direction), (540, ShiftDirection::East));
        let days: Vec<String> = trip.travel_days.iter().map(|d| d.to_string()).collect();
        assert_eq!(days, ["2026-01-12", "2026-01-13", "2026-01-16"], "Monday, Tuesday and Friday");
        assert_eq!(trip.red_eyes, 1);
    }

    #[test]
    fn travel_days_span_overnight_and_date_line_segments() {
        let tokyo = flight("HND", "2026-01-11 00:30", "HNL", "2026-01-10 13:00"); // lands the day before
        let night_train =
            Segment { mode: TravelMode::Train, ..flight("AMS", "2026-01-20 19:27", "VIE", "2026-01-21 09:58") };
        let trip = trip_facts(&[night_train, tokyo], chrono_tz::Asia::Tokyo).unwrap();
        let days: Vec<String> = trip.travel_days.iter().map(|d| d.to_string()).collect();
        assert_eq!(days, ["2026-01-10", "2026-01-11", "2026-01-20", "2026-01-21"]);
    }

    #[test]
    fn co2_of_a_long_haul_flight() {
        let f = flight("SFO", "2026-01-12 13:30", "AMS", "2026-01-13 09:00").validate("segments[0]").unwrap();
        assert_eq!(f.distance_km, Some(8_786.0));
        // 8,786 km × 1.08 × 0.150 kg/km = 1,423.332 kg.
        assert_eq!(f.co2_kg, Some(1_423.3));
        let factor = f.co2_factor.unwrap();
        assert_eq!(factor.kg_per_km, 0.150);
        assert!(factor.basis.starts_with("flight over 3,700 km (long-haul), economy, with radiative forcing"));
        assert_eq!(factor.source, "UK DESNZ greenhouse gas conversion factors 2024, condensed set");
    }

    #[test]
    fn co2_factors_follow_the_mode_and_the_distance_band() {
        assert_eq!(co2(TravelMode::Flight, 370.0).unwrap().0, 101.9, "370 × 1.08 × 0.255");
        assert_eq!(co2(TravelMode::Flight, 593.0).unwrap().0, 99.9, "593 × 1.08 × 0.156");
        assert_eq!(co2(TravelMode::Flight, 3_700.0).unwrap().1.kg_per_km, 0.156);
        assert_eq!(co2(TravelMode::Train, 600.0).unwrap().0, 21.0, "600 × 0.035, no uplift");
        assert!(co2(TravelMode::Car, 100.0).unwrap().1.basis.contains("approximate"));
        assert_eq!(co2(TravelMode::Other, 593.0), None);
    }

    #[test]
    fn a_place_without_coordinates_leaves_the_totals_incomplete() {
        let venue = place::custom("to", "Schloss Elmau", "Europe/Berlin").unwrap();
        let drive = Segment {
            mode: TravelMode::Car,
            to: venue,
            ..flight("MUC", "2026-05-04 10:00", "MUC", "2026-05-04 11:30")
        };
        let fly = flight("AMS", "2026-05-04 07:00", "MUC", "2026-05-04 08:25");
        let trip = trip_facts(&[fly, drive], chrono_tz::Europe::Amsterdam).unwrap();
        assert_eq!(trip.segments[1].distance_km, None);
        assert_eq!(trip.segments[1].co2_kg, None);
        assert!(trip.incomplete);
        assert_eq!(trip.distance_km, trip.segments[0].distance_km.unwrap());
        assert_eq!(trip.co2_kg, trip.segments[0].co2_kg.unwrap());
    }

    #[test]
    fn an_empty_trip_has_no_figures() {
        let trip = trip_facts(&[], chrono_tz::Europe::Berlin).unwrap();
        assert_eq!((trip.leaves_utc, trip.returns_utc, trip.nights_away), (None, None, 0));
        assert!(trip.segments.is_empty() && trip.travel_days.is_empty());
        assert_eq!((trip.max_shift_minutes, trip.max_shift_direction), (0, ShiftDirection::None));
        assert_eq!((trip.red_eyes, trip.distance_km, trip.co2_kg, trip.incomplete), (0, 0.0, 0.0, false));
    }

    #[test]
    fn shifts_wrap_into_twelve_hours_either_way() {
        assert_eq!(wrap_minutes(-15 * 60), 9 * 60);
        assert_eq!(wrap_minutes(12 * 60), 12 * 60);
        assert_eq!(wrap_minutes(-12 * 60), 12 * 60);
        assert_eq!(wrap_minutes(13 * 60), -11 * 60);
        assert_eq!(wrap_minutes(26 * 60), 2 * 60);
    }
}
