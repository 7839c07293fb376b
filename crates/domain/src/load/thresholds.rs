//! Every number the load model uses, with its default and where that default
//! comes from (docs/workload-model.md). A team may override any of them, and a
//! person may override the team; what is not overridden is the default.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Result};

text_enum!(
    /// What a threshold belongs to: the hours model or one of the fifteen rules.
    ThresholdGroup {
        Hours = "hours",
        LoadPercent = "load_percent",
        LongWeek = "long_week",
        NightsAway = "nights_away",
        TripWeeks = "trip_weeks",
        JetLag = "jet_lag",
        NoBuffer = "no_buffer",
        RedEyeWork = "red_eye_work",
        BackToBack = "back_to_back",
        WeekendOwed = "weekend_owed",
        AfterHours = "after_hours",
        FocusTime = "focus_time",
        NewMaterial = "new_material",
        DeadlineOnTravel = "deadline_on_travel",
        LongStretch = "long_stretch",
        Chronic = "chronic",
    }
);

/// One tunable number as the thresholds panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ThresholdSpec {
    pub key: &'static str,
    pub group: ThresholdGroup,
    pub label: &'static str,
    pub unit: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub source: &'static str,
}

/// Overrides by key, as stored and sent: a key that is absent keeps the value beneath.
pub type ThresholdValues = BTreeMap<String, f64>;

macro_rules! thresholds {
    ($($key:ident: $default:literal, $group:ident, $label:literal, $unit:literal, $min:literal..=$max:literal, $source:literal;)+) => {
        /// The numbers in effect for one person.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Thresholds { $(pub $key: f64,)+ }

        impl Default for Thresholds {
            fn default() -> Self { Thresholds { $($key: $default,)+ } }
        }

        pub const SPECS: &[ThresholdSpec] = &[$(ThresholdSpec {
            key: stringify!($key),
            group: ThresholdGroup::$group,
            label: $label,
            unit: $unit,
            default: $default,
            min: $min,
            max: $max,
            source: $source,
        },)+];

        impl Thresholds {
            fn slot(&mut self, key: &str) -> Option<&mut f64> {
                match key { $(stringify!($key) => Some(&mut self.$key),)+ _ => None }
            }
        }
    };
}

thresholds! {
    event_day_hours: 8.0, Hours, "Day at an in-person event", "h", 0.0..=24.0,
        "workload model: 8 h a day speaking, at a booth, organising or attending";
    online_event_hours: 2.0, Hours, "Day at an online event (webinar, livestream)", "h", 0.0..=24.0,
        "judgement: the session and its set-up, not a whole day";
    meetup_hours: 3.0, Hours, "Evening meetup (counted as after-hours)", "h", 0.0..=12.0,
        "workload model: evening items count as after-hours; 3 h is judgement";
    speaker_evening_hours: 2.0, Hours, "Speaker dinner on an in-person talk's day (after-hours)", "h", 0.0..=12.0,
        "workload model lists speaker dinners as after-hours; 2 h is judgement";
    booth_setup_hours: 1.0, Hours, "Booth set-up, per booth day", "h", 0.0..=12.0,
        "workload model: staffed hours + 1 h a day for set-up";
    travel_day_min_hours: 4.0, Hours, "Travel day, at least", "h", 0.0..=24.0,
        "workload model: door-to-door hours, at least 4";
    long_haul_day_hours: 8.0, Hours, "Long-haul or 3+ time zones travel day", "h", 0.0..=24.0,
        "workload model: long-haul or crossing >= 3 time zones counts 8 h";
    long_haul_flight_hours: 6.0, Hours, "A flight this long is long-haul", "h", 1.0..=24.0,
        "judgement: the usual airline split between medium and long haul";
    jet_lag_capacity_percent: 80.0, Hours, "Capacity on a jet-lag recovery day", "%", 0.0..=100.0,
        "workload model: capacity x 0.8";
    new_talk_hours_per_minute: 1.0, Hours, "New talk: preparation per minute of talk", "h", 0.0..=10.0,
        "workload model: 1 h per minute (folklore; Conway 8 h, Duarte 36-90 h per hour of talk)";
    repeat_talk_hours: 2.0, Hours, "Repeated talk: preparation", "h", 0.0..=100.0,
        "workload model: 2 h";
    refresh_percent: 25.0, Hours, "Refreshed talk (new title or abstract): share of a new one", "%", 0.0..=100.0,
        "workload model: a refreshed talk costs 25 % of a new one";
    new_workshop_hours_per_hour: 10.0, Hours, "New workshop: preparation per delivered hour", "h", 0.0..=100.0,
        "workload model: new workshop 10 h per delivered hour";
    repeat_workshop_hours_per_hour: 2.0, Hours, "Repeated workshop: preparation per delivered hour", "h", 0.0..=100.0,
        "workload model: repeat 2 h per delivered hour";
    prep_weeks: 4.0, Hours, "Preparation spread over the weeks before delivery", "weeks", 1.0..=12.0,
        "workload model: spread over the 4 weeks before delivery";
    content_work_days: 5.0, Hours, "Content effort spread over the working days up to its due date", "days", 1.0..=30.0,
        "judgement: a week of work ending on the draft's due date";

    load_amber_percent: 90.0, LoadPercent, "Planned load: amber above", "%", 0.0..=500.0,
        "OnePlan, Harvest Forecast utilisation colours";
    load_red_percent: 110.0, LoadPercent, "Planned load: red above", "%", 0.0..=500.0,
        "capacity tools colour > 100-110 % red (OnePlan, Harvest Forecast)";
    long_week_amber_hours: 50.0, LongWeek, "Long week: amber from", "h", 0.0..=168.0,
        "judgement, below the WHO/ILO line";
    long_week_red_hours: 55.0, LongWeek, "Long week: red from", "h", 0.0..=168.0,
        "WHO/ILO 2021: >= 55 h/week ~ +35 % stroke risk, +17 % ischaemic heart disease deaths";
    nights_away_amber: 14.0, NightsAway, "Nights away in 30 days: amber from", "nights", 0.0..=31.0,
        "Rundle et al. 2018 (n = 18,328)";
    nights_away_red: 21.0, NightsAway, "Nights away in 30 days: red from", "nights", 0.0..=31.0,
        "Rundle et al. 2018: 21+ nights a month away -> anxiety, depression, sleep trouble";
    trip_weeks_amber: 7.0, TripWeeks, "Trip-weeks in 12 months: amber above", "weeks", 0.0..=53.0,
        "judgement; World Bank claims studies (Liese 1997, Striker 2000)";
    trip_weeks_red: 12.0, TripWeeks, "Trip-weeks in 12 months: red above", "weeks", 0.0..=53.0,
        "judgement; psychological claims up to 3x for frequent travellers";
    jet_lag_min_zones: 3.0, JetLag, "Jet lag: zones crossed, more than", "zones", 0.0..=12.0,
        "CDC Yellow Book: <= 3 zones is travel fatigue, not jet lag";
    jet_lag_min_nights: 3.0, JetLag, "Jet lag: stay at least", "nights", 0.0..=30.0,
        "CDC Yellow Book: stays <= 2 nights, keep home time";
    jet_lag_east_days_per_zone: 1.0, JetLag, "Recovery days per zone, flying east", "days", 0.0..=3.0,
        "rule of thumb (unverified): 1 day per zone east";
    jet_lag_west_days_per_zone: 0.67, JetLag, "Recovery days per zone, flying west", "days", 0.0..=3.0,
        "rule of thumb (unverified): 2/3 day per zone west";
    jet_lag_red_zones: 6.0, JetLag, "Jet lag: red with a talk on day 1 after this many zones east", "zones", 0.0..=12.0,
        "workload model";
    red_eye_red_count: 2.0, RedEyeWork, "Red-eyes followed by work in 14 days: red from", "times", 1.0..=14.0,
        "sleep < 6 h cuts performance ~20 %";
    back_to_back_min_nights: 3.0, BackToBack, "Back-to-back: after a trip of at least", "nights", 0.0..=60.0,
        "workload model";
    back_to_back_amber_days: 3.0, BackToBack, "Back-to-back: amber under", "working days", 0.0..=30.0,
        "workload model; Developer Advocacy Handbook: a buffer day before and after";
    back_to_back_red_days: 1.0, BackToBack, "Back-to-back: red under", "working days", 0.0..=30.0,
        "workload model";
    weekend_owed_amber: 1.0, WeekendOwed, "Weekend days worked, not given back while they still can be: amber from", "days", 0.0..=28.0,
        "Human Made handbook: time off for travel";
    weekend_owed_red: 3.0, WeekendOwed, "Weekend days worked, not given back while they still can be: red from", "days", 0.0..=28.0,
        "workload model";
    after_hours_amber: 5.0, AfterHours, "After-hours in a week: amber above", "h", 0.0..=100.0,
        "Microsoft Viva Insights buckets: < 1, 1-5, > 5 h";
    after_hours_red: 10.0, AfterHours, "After-hours in a week: red above", "h", 0.0..=100.0,
        "workload model";
    focus_block_hours: 2.0, FocusTime, "Focus time counts free blocks of at least", "h", 0.5..=8.0,
        "Clockwise counts only >= 2 h blocks";
    focus_red_hours: 5.0, FocusTime, "Focus time: red under, when preparation is due", "h", 0.0..=40.0,
        "workload model";
    new_material_amber: 2.0, NewMaterial, "New talks or workshops in preparation at once: amber from", "items", 1.0..=20.0,
        "workload model";
    new_material_red: 3.0, NewMaterial, "New talks or workshops in preparation at once: red from", "items", 1.0..=20.0,
        "workload model (also red: a new talk plus a new workshop)";
    deadline_travel_amber: 1.0, DeadlineOnTravel, "Deadlines on travel or jet-lag days in a week: amber from", "deadlines", 1.0..=20.0,
        "workload model";
    deadline_travel_red: 2.0, DeadlineOnTravel, "Deadlines on travel or jet-lag days in a week: red from", "deadlines", 1.0..=20.0,
        "workload model";
    long_trip_amber_nights: 7.0, LongStretch, "Long trip: amber above", "nights", 0.0..=90.0,
        "Rothman 2005 on long trips";
    long_trip_red_nights: 14.0, LongStretch, "Long trip: red above", "nights", 0.0..=90.0,
        "Rothman 2005 on long trips";
    streak_amber_days: 7.0, LongStretch, "Days in a row working or travelling: amber from", "days", 1.0..=60.0,
        "workload model";
    streak_red_days: 12.0, LongStretch, "Days in a row working or travelling: red from", "days", 1.0..=60.0,
        "workload model";
    chronic_weeks: 3.0, Chronic, "Raise a level when this many of the last 4 weeks were amber or red", "weeks", 1.0..=4.0,
        "burnout follows chronic stress (Maslach; job demands-resources)";
    recovery_window_weeks: 6.0, Chronic, "...or when none of this many weeks was travel-free at <= 100 %", "weeks", 1.0..=26.0,
        "de Bloom et al. 2009: holiday benefits fade within 2-4 weeks";
}

impl Thresholds {
    /// The defaults with `layers` applied in order (team, then person).
    pub fn layered(layers: &[&ThresholdValues]) -> Thresholds {
        let mut t = Thresholds::default();
        for layer in layers {
            for (key, value) in layer.iter() {
                if let Some(slot) = t.slot(key) {
                    *slot = *value;
                }
            }
        }
        t
    }
}

/// Checks a set of overrides: known keys, finite values within each one's range,
/// and every amber line on the mild side of its red line.
pub fn validate(values: &ThresholdValues) -> Result<ThresholdValues> {
    for (key, value) in values {
        let spec = spec(key).ok_or_else(|| Error::invalid(format!("thresholds.{key}"), "is not a threshold"))?;
        if !value.is_finite() || *value < spec.min || *value > spec.max {
            return Err(Error::invalid(
                format!("thresholds.{key}"),
                format!("{value} {}; {} takes {} to {}", spec.unit, spec.label, spec.min, spec.max),
            ));
        }
    }
    let t = Thresholds::layered(&[values]);
    // Pairs where amber must come before red; for the "under" pairs the order flips.
    let pairs: [(&str, f64, &str, f64, bool); 11] = [
        ("load_amber_percent", t.load_amber_percent, "load_red_percent", t.load_red_percent, true),
        ("long_week_amber_hours", t.long_week_amber_hours, "long_week_red_hours", t.long_week_red_hours, true),
        ("nights_away_amber", t.nights_away_amber, "nights_away_red", t.nights_away_red, true),
        ("trip_weeks_amber", t.trip_weeks_amber, "trip_weeks_red", t.trip_weeks_red, true),
        ("back_to_back_amber_days", t.back_to_back_amber_days, "back_to_back_red_days", t.back_to_back_red_days, false),
        ("weekend_owed_amber", t.weekend_owed_amber, "weekend_owed_red", t.weekend_owed_red, true),
        ("after_hours_amber", t.after_hours_amber, "after_hours_red", t.after_hours_red, true),
        ("new_material_amber", t.new_material_amber, "new_material_red", t.new_material_red, true),
        ("deadline_travel_amber", t.deadline_travel_amber, "deadline_travel_red", t.deadline_travel_red, true),
        ("long_trip_amber_nights", t.long_trip_amber_nights, "long_trip_red_nights", t.long_trip_red_nights, true),
        ("streak_amber_days", t.streak_amber_days, "streak_red_days", t.streak_red_days, true),
    ];
    for (amber_key, amber, red_key, red, rising) in pairs {
        let ordered = if rising { amber <= red } else { amber >= red };
        if !ordered {
            // Name whichever of the two the user set, so the message sits by the right field.
            let field = if values.contains_key(red_key) { red_key } else { amber_key };
            let side = if rising { "at or above" } else { "at or below" };
            return Err(Error::invalid(
                format!("thresholds.{field}"),
                format!("the red line ({red}) must be {side} the amber line ({amber})"),
            ));
        }
    }
    Ok(values.clone())
}

pub fn spec(key: &str) -> Option<&'static ThresholdSpec> {
    SPECS.iter().find(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> ThresholdValues {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn every_default_is_within_its_own_range_and_has_a_source() {
        let defaults = Thresholds::default();
        let mut t = defaults.clone();
        for spec in SPECS {
            assert!((spec.min..=spec.max).contains(&spec.default), "{}", spec.key);
            assert!(!spec.source.is_empty(), "{}", spec.key);
            assert_eq!(t.slot(spec.key).copied(), Some(spec.default), "{}", spec.key);
        }
        assert!(validate(&ThresholdValues::new()).is_ok());
    }

    #[test]
    fn the_person_layer_wins_over_the_team_layer() {
        let team = values(&[("long_week_red_hours", 60.0), ("nights_away_red", 25.0)]);
        let person = values(&[("long_week_red_hours", 50.0)]);
        let t = Thresholds::layered(&[&team, &person]);
        assert_eq!((t.long_week_red_hours, t.nights_away_red, t.nights_away_amber), (50.0, 25.0, 14.0));
    }

    #[test]
    fn bad_overrides_name_the_threshold() {
        let field = |v: ThresholdValues| match validate(&v) {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(values(&[("nights_away_red", 40.0)])), "thresholds.nights_away_red");
        assert_eq!(field(values(&[("bogus", 1.0)])), "thresholds.bogus");
        assert_eq!(field(values(&[("focus_red_hours", f64::NAN)])), "thresholds.focus_red_hours");
        assert_eq!(field(values(&[("long_week_red_hours", 45.0)])), "thresholds.long_week_red_hours");
        assert_eq!(field(values(&[("back_to_back_red_days", 5.0)])), "thresholds.back_to_back_red_days");
    }
}
