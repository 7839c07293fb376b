//! The manager's view: everyone's weeks side by side and the team's strip.
//! Roll-ups across the team are withheld below `MIN_GROUP` people, so that a
//! share cannot be read back to one person.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Horizon, Level, LoadInput, PersonLoad, compute};

/// The smallest group whose roll-ups are shown.
pub const MIN_GROUP: u32 = 5;

/// One week across the team; every figure is absent when the team is too small.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamWeek {
    pub week: NaiveDate,
    pub amber: Option<u32>,
    pub red: Option<u32>,
    /// Share of people at amber or red, in percent.
    pub at_risk_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamLoad {
    pub from: NaiveDate,
    pub weeks: u32,
    pub as_of: NaiveDate,
    /// Most at risk first.
    pub people: Vec<PersonLoad>,
    pub strip: Vec<TeamWeek>,
    /// Roll-ups are withheld for groups smaller than this.
    pub min_group: u32,
    pub nights_away_30d: Option<u32>,
    pub trip_weeks_this_year: Option<u32>,
    pub days_off_owed: Option<u32>,
}

impl TeamLoad {
    pub fn of(input: &LoadInput, horizon: Horizon) -> TeamLoad {
        let mut people = compute(input, horizon);
        people.sort_by(|a, b| b.risk.cmp(&a.risk).then_with(|| a.name.cmp(&b.name)));
        let shown = people.len() as u32 >= MIN_GROUP;
        let strip = (0..horizon.weeks as usize)
            .filter_map(|k| {
                let week = people.first()?.weeks.get(k)?.week;
                let count =
                    |l: Level| people.iter().filter(|p| p.weeks.get(k).is_some_and(|w| w.level == l)).count() as u32;
                let (amber, red) = (count(Level::Amber), count(Level::Red));
                Some(TeamWeek {
                    week,
                    amber: shown.then_some(amber),
                    red: shown.then_some(red),
                    at_risk_percent: shown.then(|| (f64::from(amber + red) * 100.0 / people.len() as f64).round()),
                })
            })
            .collect();
        let sum = |f: fn(&PersonLoad) -> u32| shown.then(|| people.iter().map(f).sum());
        TeamLoad {
            from: horizon.first_monday(),
            weeks: horizon.weeks,
            as_of: horizon.as_of,
            nights_away_30d: sum(|p| p.nights_away_30d),
            trip_weeks_this_year: sum(|p| p.trip_weeks_this_year),
            days_off_owed: sum(|p| p.days_off_owed),
            strip,
            people,
            min_group: MIN_GROUP,
        }
    }
}
