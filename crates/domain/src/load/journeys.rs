//! A trip as the load model sees it: the days it takes (door-to-door hours per
//! local day), the nights it keeps someone from home, and its journeys (legs
//! with short connections between them), which is where the body clock moves.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::Thresholds;
use crate::Result;
use crate::travel::{self, TravelMode};
use crate::trip::Trip;

/// Legs this close together are one journey (a connection, even overnight).
const CONNECTION_HOURS: i64 = 24;

#[derive(Debug, Clone)]
pub(super) struct Journey {
    /// "SFO→AMS" (first departure to last arrival, by place label).
    pub route: String,
    pub depart_day: NaiveDate,
    pub arrive_day: NaiveDate,
    pub arrive_hour: u32,
    /// Body-clock shift of the whole journey, minutes, east positive, within ±12 h.
    pub shift_minutes: i32,
    pub red_eye: bool,
    pub long_haul: bool,
    pub depart_utc: DateTime<Utc>,
    pub arrive_utc: DateTime<Utc>,
    pub trip_id: Uuid,
    /// The last journey of a trip with more than one: the way home.
    pub homeward: bool,
}

#[derive(Debug, Clone)]
pub(super) struct TripSpan {
    pub title: String,
    /// First and last day away, in the traveller's home zone.
    pub leave: NaiveDate,
    pub back: NaiveDate,
    pub nights: u32,
    pub journeys: Vec<Journey>,
    /// Door-to-door hours per local day, before the per-day minimum, and whether
    /// a long-haul or 3+ zone leg touches the day.
    pub days: BTreeMap<NaiveDate, (f64, bool)>,
}

impl TripSpan {
    pub fn of(trip: &Trip, home: Tz, t: &Thresholds) -> Result<Option<TripSpan>> {
        let facts = travel::trip_facts(&trip.segments, home)?;
        let (Some(leaves), Some(returns)) = (facts.leaves_utc, facts.returns_utc) else { return Ok(None) };
        let mut legs: Vec<_> = trip
            .segments
            .iter()
            .filter_map(|s| facts.segments.iter().find(|f| f.segment_id == s.id).map(|f| (s, f)))
            .collect();
        legs.sort_by_key(|(_, f)| f.depart_utc);

        let mut days: BTreeMap<NaiveDate, (f64, bool)> = BTreeMap::new();
        for (segment, f) in &legs {
            let (before, after) = access_hours(segment.mode);
            let long = is_long_haul(segment.mode, f.duration_minutes, t) || f.zones_crossed >= 3.0;
            let (d1, d2) = (segment.depart_at.date(), segment.arrive_at.date());
            let total = f.duration_minutes as f64 / 60.0 + before + after;
            let first_part = if d2 > d1 {
                // Up to midnight where it left; the rest belongs to the arrival day.
                let to_midnight =
                    crate::bounds::shift(d1, 1).and_hms_opt(0, 0, 0).expect("midnight") - segment.depart_at;
                (to_midnight.num_minutes() as f64 / 60.0 + before).min(total)
            } else {
                total
            };
            add(&mut days, d1, first_part, long);
            if d2 != d1 {
                add(&mut days, d2, total - first_part, long);
            }
        }

        let mut journeys: Vec<Journey> = Vec::new();
        let mut current: Vec<&(&travel::Segment, &travel::SegmentFacts)> = Vec::new();
        let flush = |group: &mut Vec<&(&travel::Segment, &travel::SegmentFacts)>, out: &mut Vec<Journey>| {
            let (Some((first, first_f)), Some((last, last_f))) = (group.first(), group.last()) else { return };
            let shift = group.iter().map(|(_, f)| f.shift_minutes).sum::<i32>();
            out.push(Journey {
                route: format!("{}\u{2192}{}", short(&first.from.label), short(&last.to.label)),
                depart_day: first.depart_at.date(),
                arrive_day: last.arrive_at.date(),
                arrive_hour: last.arrive_at.hour(),
                shift_minutes: travel::wrap_minutes(shift),
                red_eye: last_f.red_eye,
                long_haul: group.iter().any(|(s, f)| is_long_haul(s.mode, f.duration_minutes, t)),
                depart_utc: first_f.depart_utc,
                arrive_utc: last_f.arrive_utc,
                trip_id: trip.id,
                homeward: false,
            });
            group.clear();
        };
        for leg in &legs {
            if let Some((_, prev)) = current.last()
                && leg.1.depart_utc - prev.arrive_utc >= Duration::hours(CONNECTION_HOURS)
            {
                flush(&mut current, &mut journeys);
            }
            current.push(leg);
        }
        flush(&mut current, &mut journeys);
        if journeys.len() > 1
            && let Some(last) = journeys.last_mut()
        {
            last.homeward = true;
        }

        let home_day = |at: DateTime<Utc>| at.with_timezone(&home).date_naive();
        Ok(Some(TripSpan {
            title: trip.title.clone(),
            leave: home_day(leaves),
            back: home_day(returns),
            nights: facts.nights_away,
            journeys,
            days,
        }))
    }
}

/// Hours to reach the vehicle and to get away from it: judgement (check-in and
/// security for a flight, the walk to a platform for a train).
fn access_hours(mode: TravelMode) -> (f64, f64) {
    match mode {
        TravelMode::Flight => (1.5, 1.0),
        TravelMode::Car => (0.0, 0.0),
        _ => (0.5, 0.25),
    }
}

fn is_long_haul(mode: TravelMode, minutes: i64, t: &Thresholds) -> bool {
    mode == TravelMode::Flight && minutes as f64 >= t.long_haul_flight_hours * 60.0
}

fn add(days: &mut BTreeMap<NaiveDate, (f64, bool)>, day: NaiveDate, hours: f64, long: bool) {
    let entry = days.entry(day).or_insert((0.0, false));
    entry.0 += hours.max(0.0);
    entry.1 |= long;
}

/// A place's label is an IATA code ("SFO") or "City, CC": the route shows the code or the city.
fn short(label: &str) -> &str {
    label.split(',').next().unwrap_or(label).trim()
}
