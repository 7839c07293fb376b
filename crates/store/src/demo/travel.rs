//! The sample team's travel: a trip to each in-person event someone goes to
//! away from home (flights, or a train when it is near), with the costs such a
//! trip has in the currencies it has them in, quarter budgets that put one
//! person past the 80 % alert and one over, and a year of sample euro rates.

use std::collections::BTreeMap;

use chrono::Offset;
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::{CITIES, DemoOptions, id};
use crate::domain::budget::{Budget, DEFAULT_ALERTS};
use crate::domain::exchange_rate::{ExchangeRate, RateSource};
use crate::domain::money::{Currency, Rate};
use crate::domain::place::{self, Place};
use crate::domain::quarter::Quarter;
use crate::domain::travel::{self, Segment, TravelMode};
use crate::domain::trip::{CostCategory, CostLine, Payer, Trip, TripStatus};
use crate::domain::{Event, EventStatus, ParticipationRole, Person, TimeOff, TimeOffKind};
use crate::plan_file::Plan;

/// Airport and local currency of each of `CITIES`, in the same order.
const HUBS: &[(&str, &str)] = &[
    ("BER", "EUR"),
    ("MEX", "MXN"),
    ("BLR", "INR"),
    ("SFO", "USD"),
    ("HND", "JPY"),
    ("DUB", "EUR"),
    ("YYZ", "CAD"),
    ("GRU", "BRL"),
    ("LOS", "USD"),
    ("SYD", "AUD"),
    ("AMS", "EUR"),
    ("SIN", "SGD"),
    ("JFK", "USD"),
    ("WAW", "PLN"),
];

/// Roughly where each currency stood against the euro in 2025 (units per euro):
/// the sample rates wander around these.
const EURO_RATES: &[(&str, f64)] = &[
    ("USD", 1.10),
    ("JPY", 165.0),
    ("GBP", 0.85),
    ("PLN", 4.27),
    ("CAD", 1.55),
    ("BRL", 6.2),
    ("INR", 96.0),
    ("MXN", 20.8),
    ("AUD", 1.70),
    ("SGD", 1.46),
];

/// Budgets set so the quarter's forecast lands near these shares: most people
/// comfortably inside, one past the 80 % alert, one over.
const BUDGET_SHARES: &[f64] = &[0.85, 0.55, 0.7, 1.08, 0.45, 0.6];

pub struct Travel {
    pub trips: Vec<Trip>,
    /// Days off in lieu of weekend days spent travelling.
    pub time_off: Vec<TimeOff>,
    pub budgets: Vec<Budget>,
    pub rates: Vec<ExchangeRate>,
}

pub fn travel(plan: &Plan, options: &DemoOptions, rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Travel {
    let mut trips: Vec<Trip> = vec![];
    for p in plan.participations.iter().filter(|p| p.role != ParticipationRole::Organiser) {
        let (Some(person), Some(event)) =
            (plan.people.iter().find(|x| x.id == p.person_id), plan.events.iter().find(|e| e.id == p.event_id))
        else {
            continue;
        };
        // Trips are booked about five weeks ahead; later ones are still only planned.
        let soon = (event.start_date - options.today).num_days() <= 35;
        let status = match event.status {
            EventStatus::Done => TripStatus::Confirmed,
            EventStatus::Confirmed if soon => TripStatus::Confirmed,
            EventStatus::Confirmed | EventStatus::Accepted => TripStatus::Planned,
            _ => continue,
        };
        let away = (event.start_date - Days::new(3), event.end_date + Days::new(3));
        let busy = trips.iter().any(|t| t.person_id == person.id && overlaps(t, away));
        if busy || event.online || event.city == person.home_city {
            continue;
        }
        if let Some(trip) = trip(person, event, status, options.today, rng, stamp) {
            trips.push(trip);
        }
    }
    let rates = rates(options, rng);
    let budgets = budgets(plan, &trips, options, rng, stamp);
    let time_off = days_in_lieu(plan, &trips, rng, stamp);
    Travel { trips, time_off, budgets, rates }
}

/// Most weekends spent travelling or at events are given back as days off right
/// after; now and then one is forgotten, which the load model's rule 9 points out.
fn days_in_lieu(plan: &Plan, trips: &[Trip], rng: &mut ChaCha8Rng, stamp: DateTime<Utc>) -> Vec<TimeOff> {
    let mut out = Vec::new();
    let busy = busy_days(plan, trips);
    for person in &plan.people {
        let works = |d: NaiveDate| person.working_days.contains(&crate::domain::Weekday::of(d));
        let theirs = busy.get(&person.id).cloned().unwrap_or_default();
        let mut worked: Vec<NaiveDate> = theirs.iter().copied().filter(|d| !works(*d)).collect();
        worked.sort_unstable();
        worked.dedup();
        // A weekend (or a run of days off) worked is given back on the working days after it.
        let mut i = 0;
        while i < worked.len() {
            let mut j = i;
            while j + 1 < worked.len() && (worked[j + 1] - worked[j]).num_days() <= 2 {
                j += 1;
            }
            let owed = j - i + 1;
            let after = worked[j];
            i = j + 1;
            if rng.random_bool(0.2) {
                continue;
            }
            let days: Vec<NaiveDate> =
                (after + Days::new(1)).iter_days().filter(|d| works(*d) && !theirs.contains(d)).take(owed).collect();
            let (Some(start), Some(end)) = (days.first(), days.last()) else { continue };
            out.push(TimeOff {
                id: id(rng),
                person_id: person.id,
                kind: TimeOffKind::DayInLieu,
                start_date: *start,
                end_date: *end,
                note: format!("In lieu of the weekend of {}", after.format("%-d %b")),
                created_at: stamp,
                updated_at: stamp,
            });
        }
    }
    out
}

/// Each person's days away or at events: a trip from its first departure to its
/// last arrival, and every day of each event they go to.
pub fn busy_days(plan: &Plan, trips: &[Trip]) -> BTreeMap<uuid::Uuid, std::collections::BTreeSet<NaiveDate>> {
    let mut busy: BTreeMap<uuid::Uuid, std::collections::BTreeSet<NaiveDate>> = BTreeMap::new();
    let span = |a: NaiveDate, b: NaiveDate| a.iter_days().take_while(move |d| *d <= b);
    for t in trips {
        if let (Some(first), Some(last)) = (t.segments.first(), t.segments.last()) {
            busy.entry(t.person_id).or_default().extend(span(first.depart_at.date(), last.arrive_at.date()));
        }
    }
    for p in &plan.participations {
        if let Some(e) = plan.events.iter().find(|e| e.id == p.event_id && e.status != EventStatus::Cancelled) {
            busy.entry(p.person_id).or_default().extend(span(e.start_date, e.end_date));
        }
    }
    busy
}

fn overlaps(trip: &Trip, (from, to): (NaiveDate, NaiveDate)) -> bool {
    let first = trip.segments.first().map(|s| s.depart_at.date());
    let last = trip.segments.last().map(|s| s.arrive_at.date());
    matches!((first, last), (Some(a), Some(b)) if a <= to && b >= from)
}

fn hub(city: &str) -> Option<(Place, Currency)> {
    let i = CITIES.iter().position(|c| c.0 == city)?;
    let (code, currency) = HUBS[i];
    Some((place::resolve("demo", code).ok()?, Currency::parse("demo", currency).ok()?))
}

fn km(a: &Place, b: &Place) -> Option<f64> {
    Some(travel::great_circle_km((a.lat?, a.lon?), (b.lat?, b.lon?)))
}

fn zone(place: &Place) -> Tz {
    place.timezone.parse().unwrap_or(Tz::UTC)
}

/// A leg leaving `from` at local `depart`, its arrival worked out from the distance.
fn leg(mode: TravelMode, from: &Place, to: &Place, depart: NaiveDateTime, reference: String) -> Option<Segment> {
    let km = km(from, to)?;
    let minutes = match mode {
        TravelMode::Train => km / 110.0 * 60.0 + 20.0,
        _ => km / 820.0 * 60.0 + 45.0,
    };
    let minutes = (minutes / 5.0).round() as i64 * 5;
    let leaves = zone(from).from_local_datetime(&depart).earliest()?;
    let arrives = (leaves + Duration::minutes(minutes)).with_timezone(&zone(to)).naive_local();
    Some(Segment {
        id: uuid::Uuid::nil(),
        mode,
        from: from.clone(),
        to: to.clone(),
        depart_at: depart,
        arrive_at: arrives,
        reference,
    })
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("a valid time"))
}

fn trip(
    person: &Person,
    event: &Event,
    status: TripStatus,
    today: NaiveDate,
    rng: &mut ChaCha8Rng,
    stamp: DateTime<Utc>,
) -> Option<Trip> {
    let (home, home_money) = hub(&person.home_city)?;
    let (there, local_money) = hub(&event.city)?;
    let km = km(&home, &there)?;
    let long_haul = km > 4_000.0;
    let mode = if km < 650.0 { TravelMode::Train } else { TravelMode::Flight };
    // Eastbound long-haul flights leave in the evening and land in the morning: the red-eye.
    let noon = at(event.start_date, 12, 0);
    let offset = |p: &Place| zone(p).offset_from_utc_datetime(&noon).fix().local_minus_utc();
    let east = offset(&there) > offset(&home);
    let out_day = event.start_date - Days::new(if long_haul { 2 } else { 1 });
    let out_time = if long_haul && east {
        at(out_day, rng.random_range(18..=21), 35)
    } else {
        at(out_day, rng.random_range(8..=13), 15)
    };
    let back_day = event.end_date + Days::new(1);
    let back_time = at(back_day, rng.random_range(9..=15), 40);
    let code = |rng: &mut ChaCha8Rng| match mode {
        TravelMode::Train => format!("ICE {}", rng.random_range(100..999)),
        _ => format!(
            "{} {}",
            ["LH", "KL", "UA", "NH", "SQ", "BA", "AC"][rng.random_range(0..7)],
            rng.random_range(10..999)
        ),
    };
    let mut outbound = leg(mode, &home, &there, out_time, code(rng))?;
    let mut inbound = leg(mode, &there, &home, back_time, code(rng))?;
    outbound.id = id(rng);
    inbound.id = id(rng);

    let nights = (back_day - out_day).num_days().max(1);
    let done = event.end_date < today;
    let booked = out_day - Days::new(rng.random_range(21..=45));
    let mut costs = vec![];
    let mut cost = |rng: &mut ChaCha8Rng, category, currency: Currency, euros: f64, date, payer, paid: bool| {
        let rate = EURO_RATES.iter().find(|(c, _)| *c == currency.code()).map_or(1.0, |(_, r)| *r);
        let scale = 10_f64.powi(currency.minor_digits() as i32);
        let round = |x: f64| ((x * rate / 5.0).round() * 5.0 * scale) as i64;
        let planned = round(euros);
        let actual = paid.then(|| round(euros * rng.random_range(0.92..1.12)));
        costs.push(CostLine {
            id: id(rng),
            category,
            description: String::new(),
            currency: currency.code().to_string(),
            planned_minor: Some(planned),
            actual_minor: actual,
            date,
            payer,
        });
    };
    let fare = match mode {
        TravelMode::Train => 90.0 + km * 0.12,
        _ => 120.0 + km * if long_haul { 0.11 } else { 0.16 },
    };
    cost(
        rng,
        if mode == TravelMode::Train { CostCategory::Rail } else { CostCategory::Flight },
        home_money,
        fare,
        booked,
        Payer::Company,
        status == TripStatus::Confirmed,
    );
    cost(rng, CostCategory::Hotel, local_money, 165.0 * nights as f64, event.start_date, Payer::Company, done);
    cost(rng, CostCategory::Meals, local_money, 55.0 * nights as f64, event.start_date, Payer::Company, done);
    cost(rng, CostCategory::Ground, local_money, 60.0, event.start_date, Payer::Company, done);
    // Speakers get in free; the sponsor's share shows on the trip, not on the budget.
    cost(rng, CostCategory::Registration, local_money, 450.0, booked, Payer::Sponsor, true);
    Some(Trip {
        id: id(rng),
        person_id: person.id,
        title: format!("{} in {}", event.name, event.city),
        status,
        event_ids: vec![event.id],
        segments: vec![outbound, inbound],
        costs,
        notes: String::new(),
        created_at: stamp,
        updated_at: stamp,
    })
}

/// Weekday euro rates from two months before the plan to a month after it, wandering a little.
fn rates(options: &DemoOptions, rng: &mut ChaCha8Rng) -> Vec<ExchangeRate> {
    let first = options.from - Days::new(70);
    let last = options.from + Days::new(u64::from(options.weeks) * 7 + 35);
    let mut level: BTreeMap<&str, f64> = EURO_RATES.iter().copied().collect();
    let mut out = vec![];
    let mut day = first;
    while day <= last {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            for (code, rate) in level.iter_mut() {
                *rate *= 1.0 + rng.random_range(-0.004..0.004);
                let digits = if *rate > 100.0 { 2 } else { 4 };
                let text = format!("{:.*}", digits, *rate);
                if Rate::parse(code, &text).is_ok() {
                    out.push(ExchangeRate { currency: code.to_string(), day, rate: text, source: RateSource::Sample });
                }
            }
        }
        day = day.succ_opt().expect("dates go on");
    }
    out
}

fn budgets(
    plan: &Plan,
    trips: &[Trip],
    options: &DemoOptions,
    rng: &mut ChaCha8Rng,
    stamp: DateTime<Utc>,
) -> Vec<Budget> {
    let quarter = Quarter::of(options.today);
    let euros = |t: &Trip| -> f64 {
        (t.costs.iter().filter(|c| c.payer == Payer::Company && quarter.contains(c.date)))
            .map(|c| {
                let rate = EURO_RATES.iter().find(|(code, _)| *code == c.currency).map_or(1.0, |(_, r)| *r);
                let digits = Currency::parse("c", &c.currency).map_or(2, |c| c.minor_digits());
                c.actual_minor.or(c.planned_minor).unwrap_or(0) as f64 / 10_f64.powi(digits as i32) / rate
            })
            .sum()
    };
    let mut out = vec![];
    let mut team = 0.0;
    for (i, person) in plan.people.iter().enumerate() {
        let spend: f64 = trips.iter().filter(|t| t.person_id == person.id).map(euros).sum();
        let share = BUDGET_SHARES[i % BUDGET_SHARES.len()];
        // Round to 100 EUR, as a manager would; a quiet quarter still gets a floor.
        let amount = ((spend / share / 100.0).round() * 100.0).max(1_000.0);
        team += amount;
        out.push(budget(quarter, Some(person.id), amount, rng, stamp));
    }
    out.push(budget(quarter, None, (team * 0.95 / 1_000.0).round() * 1_000.0, rng, stamp));
    out
}

fn budget(
    quarter: Quarter,
    person_id: Option<uuid::Uuid>,
    euros: f64,
    rng: &mut ChaCha8Rng,
    stamp: DateTime<Utc>,
) -> Budget {
    Budget {
        id: id(rng),
        quarter,
        person_id,
        amount_minor: (euros * 100.0) as i64,
        currency: "EUR".to_string(),
        alerts: DEFAULT_ALERTS.to_vec(),
        created_at: stamp,
        updated_at: stamp,
    }
}
