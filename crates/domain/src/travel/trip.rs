//! A trip: one person's travel to one or more events, as segments (what the
//! body goes through) and cost lines (what the budget pays).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::money::{Currency, Money};
use crate::place::{self, Place};
use crate::travel::{Segment, SegmentFacts, TravelMode};
use crate::{Error, Result};
use crate::{bounds, check};

text_enum!(
    /// Only confirmed trips commit their planned costs to the budget.
    TripStatus {
        Planned = "planned",
        Confirmed = "confirmed",
        Cancelled = "cancelled",
    }
);

text_enum!(
    CostCategory {
        Flight = "flight",
        Rail = "rail",
        Hotel = "hotel",
        Ground = "ground",
        Meals = "meals",
        Registration = "registration",
        Visa = "visa",
        Other = "other",
    }
);

text_enum!(
    /// Who pays a cost. Only the company's share is charged to a travel budget;
    /// what a sponsor or the traveller pays is shown beside it.
    Payer {
        Company = "company",
        Sponsor = "sponsor",
        Traveller = "self",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CostLine {
    pub id: Uuid,
    pub category: CostCategory,
    pub description: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Minor units (cents) of `currency`; at least one of planned and actual is set.
    #[ts(type = "number | null")]
    pub planned_minor: Option<i64>,
    #[ts(type = "number | null")]
    pub actual_minor: Option<i64>,
    /// The day the cost falls on; its exchange rate is that day's.
    pub date: NaiveDate,
    pub payer: Payer,
}

impl CostLine {
    fn money(&self, minor: Option<i64>) -> Option<Money> {
        let currency = Currency::parse("currency", &self.currency).ok()?;
        minor.map(|minor| Money { minor, currency })
    }

    pub fn planned(&self) -> Option<Money> {
        self.money(self.planned_minor)
    }

    pub fn actual(&self) -> Option<Money> {
        self.money(self.actual_minor)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Trip {
    pub id: Uuid,
    pub person_id: Uuid,
    pub title: String,
    pub status: TripStatus,
    /// The events it takes the person to.
    pub event_ids: Vec<Uuid>,
    /// In travel order.
    pub segments: Vec<Segment>,
    pub costs: Vec<CostLine>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A place as typed: an IATA code, a city code or a city; `timezone` only for
/// a place the airport table does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlaceInput {
    pub text: String,
    #[serde(default)]
    #[ts(optional)]
    pub timezone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SegmentInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    pub mode: TravelMode,
    pub from: PlaceInput,
    pub to: PlaceInput,
    pub depart_at: NaiveDateTime,
    pub arrive_at: NaiveDateTime,
    #[serde(default)]
    pub reference: String,
}

/// Amounts are decimal text in the currency (`"1234.50"`), so nothing is a float on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CostLineInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    pub category: CostCategory,
    #[serde(default)]
    pub description: String,
    pub currency: String,
    /// Empty when not planned.
    #[serde(default)]
    pub planned: String,
    /// Empty until paid.
    #[serde(default)]
    pub actual: String,
    pub date: NaiveDate,
    pub payer: Payer,
}

/// What the trip form sends: the trip with all its segments and cost lines,
/// which replace the saved ones in one transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TripInput {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Uuid>,
    pub person_id: Uuid,
    /// Empty for "Trip to" the first destination.
    #[serde(default)]
    pub title: String,
    pub status: TripStatus,
    #[serde(default)]
    pub event_ids: Vec<Uuid>,
    #[serde(default)]
    pub segments: Vec<SegmentInput>,
    #[serde(default)]
    pub costs: Vec<CostLineInput>,
    #[serde(default)]
    pub notes: String,
}

const MAX_SEGMENTS: usize = 40;
const MAX_COSTS: usize = 200;

impl PlaceInput {
    fn resolve(&self, field: &str) -> Result<Place> {
        match place::resolve(field, &self.text) {
            Ok(found) => Ok(found),
            Err(not_found) => match self.timezone.as_deref().map(str::trim) {
                Some(tz) if !tz.is_empty() && !self.text.trim().is_empty() => {
                    place::custom(field, &check::name(field, &self.text)?, tz)
                }
                _ => Err(not_found),
            },
        }
    }
}

impl SegmentInput {
    /// The segment and its figures, which the trip's order check reuses.
    fn to_segment(&self, field: &str) -> Result<(Segment, SegmentFacts)> {
        bounds::moment(&format!("{field}.depart_at"), self.depart_at)?;
        bounds::moment(&format!("{field}.arrive_at"), self.arrive_at)?;
        let segment = Segment {
            id: self.id.unwrap_or_else(Uuid::now_v7),
            mode: self.mode,
            from: self.from.resolve(&format!("{field}.from"))?,
            to: self.to.resolve(&format!("{field}.to"))?,
            depart_at: self.depart_at,
            arrive_at: self.arrive_at,
            reference: check::line(&format!("{field}.reference"), &self.reference)?,
        };
        let facts = segment.validate(field)?;
        Ok((segment, facts))
    }
}

impl CostLineInput {
    fn to_cost(&self, field: &str) -> Result<CostLine> {
        let currency = Currency::parse(&format!("{field}.currency"), &self.currency)?;
        let amount = |name: &str, text: &str| -> Result<Option<i64>> {
            if text.trim().is_empty() {
                return Ok(None);
            }
            let money = Money::parse(&format!("{field}.{name}"), text, currency)?;
            bounds::amount(&format!("{field}.{name}"), money.minor)?;
            if money.minor < 0 {
                return Err(Error::invalid(
                    format!("{field}.{name}"),
                    "must not be negative; enter a refund as its own line's lower actual",
                ));
            }
            Ok(Some(money.minor))
        };
        let (planned_minor, actual_minor) = (amount("planned", &self.planned)?, amount("actual", &self.actual)?);
        let date = bounds::day(&format!("{field}.date"), self.date)?;
        if planned_minor.is_none() && actual_minor.is_none() {
            return Err(Error::invalid(format!("{field}.planned"), "enter a planned or an actual amount"));
        }
        Ok(CostLine {
            id: self.id.unwrap_or_else(Uuid::now_v7),
            category: self.category,
            description: check::line(&format!("{field}.description"), &self.description)?,
            currency: currency.code().to_string(),
            planned_minor,
            actual_minor,
            date,
            payer: self.payer,
        })
    }
}

impl TripInput {
    /// Checks every field and resolves every place; errors name the field (`segments[1].arrive_at`).
    pub fn into_trip(&self, id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>) -> Result<Trip> {
        if self.segments.len() > MAX_SEGMENTS {
            return Err(Error::invalid("segments", format!("keep a trip to {MAX_SEGMENTS} segments")));
        }
        if self.costs.len() > MAX_COSTS {
            return Err(Error::invalid("costs", format!("keep a trip to {MAX_COSTS} cost lines")));
        }
        let (segments, facts): (Vec<Segment>, Vec<SegmentFacts>) = (self.segments.iter().enumerate())
            .map(|(i, s)| s.to_segment(&format!("segments[{i}]")))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        for (i, pair) in facts.windows(2).enumerate() {
            let (before, after) = (&pair[0], &pair[1]);
            if after.depart_utc < before.arrive_utc {
                return Err(Error::invalid(
                    format!("segments[{}].depart_at", i + 1),
                    format!(
                        "departs {} UTC, before the previous segment arrives {} UTC",
                        after.depart_utc.format("%Y-%m-%d %H:%M"),
                        before.arrive_utc.format("%Y-%m-%d %H:%M")
                    ),
                ));
            }
        }
        let costs = (self.costs.iter().enumerate())
            .map(|(i, c)| c.to_cost(&format!("costs[{i}]")))
            .collect::<Result<Vec<_>>>()?;
        let title = match self.title.trim() {
            "" => match segments.first() {
                Some(s) => format!("Trip to {}", s.to.city),
                None => return Err(Error::invalid("title", "name the trip, or add a segment to name it after")),
            },
            typed => check::name("title", typed)?,
        };
        let mut event_ids = self.event_ids.clone();
        event_ids.sort_unstable();
        event_ids.dedup();
        Ok(Trip {
            id,
            person_id: self.person_id,
            title,
            status: self.status,
            event_ids,
            segments,
            costs,
            notes: check::text("notes", &self.notes)?,
            created_at,
            updated_at,
        })
    }
}

impl Trip {
    /// The trip as its form would send it back.
    pub fn input(&self) -> TripInput {
        let place = |p: &Place| PlaceInput { text: p.label.clone(), timezone: Some(p.timezone.clone()) };
        let decimal = |minor: Option<i64>, currency: &str| {
            let currency = Currency::parse("currency", currency).ok();
            match (minor, currency) {
                (Some(minor), Some(currency)) => Money { minor, currency }.decimal(),
                _ => String::new(),
            }
        };
        TripInput {
            id: Some(self.id),
            person_id: self.person_id,
            title: self.title.clone(),
            status: self.status,
            event_ids: self.event_ids.clone(),
            segments: (self.segments.iter())
                .map(|s| SegmentInput {
                    id: Some(s.id),
                    mode: s.mode,
                    from: place(&s.from),
                    to: place(&s.to),
                    depart_at: s.depart_at,
                    arrive_at: s.arrive_at,
                    reference: s.reference.clone(),
                })
                .collect(),
            costs: (self.costs.iter())
                .map(|c| CostLineInput {
                    id: Some(c.id),
                    category: c.category,
                    description: c.description.clone(),
                    currency: c.currency.clone(),
                    planned: decimal(c.planned_minor, &c.currency),
                    actual: decimal(c.actual_minor, &c.currency),
                    date: c.date,
                    payer: c.payer,
                })
                .collect(),
            notes: self.notes.clone(),
        }
    }

    /// The first day under way (local to the first departure), if any segment.
    pub fn starts_on(&self) -> Option<NaiveDate> {
        self.segments.first().map(|s| s.depart_at.date())
    }
}

#[cfg(any(test, feature = "samples"))]
pub fn sample_input(person_id: Uuid) -> TripInput {
    let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
    let place = |t: &str| PlaceInput { text: t.into(), timezone: None };
    TripInput {
        id: None,
        person_id,
        title: String::new(),
        status: TripStatus::Planned,
        event_ids: vec![],
        segments: vec![
            SegmentInput {
                id: None,
                mode: TravelMode::Flight,
                from: place("SFO"),
                to: place("AMS"),
                depart_at: at("2026-11-02T13:30:00"),
                arrive_at: at("2026-11-03T09:05:00"),
                reference: "KL 606".into(),
            },
            SegmentInput {
                id: None,
                mode: TravelMode::Flight,
                from: place("AMS"),
                to: place("SFO"),
                depart_at: at("2026-11-06T10:15:00"),
                arrive_at: at("2026-11-06T12:25:00"),
                reference: "KL 605".into(),
            },
        ],
        costs: vec![
            CostLineInput {
                id: None,
                category: CostCategory::Flight,
                description: "Economy return".into(),
                currency: "USD".into(),
                planned: "1180.00".into(),
                actual: String::new(),
                date: "2026-10-01".parse().unwrap(),
                payer: Payer::Company,
            },
            CostLineInput {
                id: None,
                category: CostCategory::Hotel,
                description: "3 nights".into(),
                currency: "EUR".into(),
                planned: "540".into(),
                actual: String::new(),
                date: "2026-11-03".parse().unwrap(),
                payer: Payer::Sponsor,
            },
        ],
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(input: &TripInput) -> Result<Trip> {
        let now = Utc::now();
        input.into_trip(Uuid::now_v7(), now, now)
    }

    #[test]
    fn a_trip_resolves_its_places_and_names_itself() {
        let trip = build(&sample_input(Uuid::now_v7())).unwrap();
        assert_eq!(trip.title, "Trip to Amsterdam");
        assert_eq!(trip.segments[0].to.timezone, "Europe/Amsterdam");
        assert_eq!(trip.costs[0].planned_minor, Some(118_000));
        assert_eq!(trip.costs[1].planned_minor, Some(54_000));
        let again = build(&trip.input()).unwrap();
        assert_eq!((again.segments.clone(), again.costs.clone()), (trip.segments.clone(), trip.costs.clone()));
    }

    #[test]
    fn bad_trips_name_the_field() {
        let person = Uuid::now_v7();
        let field_of = |input: TripInput| match build(&input) {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        };
        let mut input = sample_input(person);
        input.costs[0].currency = "EUX".into();
        assert_eq!(field_of(input), "costs[0].currency");
        let mut input = sample_input(person);
        input.costs[1].planned = "12.345".into();
        assert_eq!(field_of(input), "costs[1].planned");
        let mut input = sample_input(person);
        input.costs[1].planned = String::new();
        assert_eq!(field_of(input), "costs[1].planned", "neither planned nor actual");
        let mut input = sample_input(person);
        input.costs[0].actual = "-5".into();
        assert_eq!(field_of(input), "costs[0].actual");
        let mut input = sample_input(person);
        input.segments[1].to.text = "Atlantis".into();
        assert_eq!(field_of(input), "segments[1].to");
        // Landing in Amsterdam at 09:00 on the 2nd (08:00 UTC) is before leaving SFO at 13:30 (21:30 UTC).
        let mut input = sample_input(person);
        input.segments[0].arrive_at = "2026-11-02T09:00:00".parse().unwrap();
        assert_eq!(field_of(input), "segments[0].arrive_at");
        let mut input = sample_input(person);
        input.segments[1].depart_at = "2026-11-03T08:00:00".parse().unwrap();
        input.segments[1].arrive_at = "2026-11-03T10:00:00".parse().unwrap();
        assert_eq!(field_of(input), "segments[1].depart_at", "leaves Amsterdam before landing there");
    }

    #[test]
    fn a_place_outside_the_table_needs_its_zone() {
        let mut input = sample_input(Uuid::now_v7());
        input.segments.truncate(1);
        input.segments[0].mode = TravelMode::Car;
        input.segments[0].from = PlaceInput { text: "Villa Erba".into(), timezone: None };
        assert!(build(&input).is_err());
        input.segments[0].from.timezone = Some("Europe/Rome".into());
        input.segments[0].depart_at = "2026-11-02T07:00:00".parse().unwrap();
        input.segments[0].arrive_at = "2026-11-02T19:00:00".parse().unwrap();
        let trip = build(&input).unwrap();
        assert_eq!((trip.segments[0].from.timezone.as_str(), trip.segments[0].from.lat), ("Europe/Rome", None));
    }
}
