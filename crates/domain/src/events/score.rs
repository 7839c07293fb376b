//! The event score: five ratings a team gives a candidate event, weighed by
//! weights the team sets, so candidates can be compared on one number.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Event;

use crate::{Error, Result};

/// Ratings from 1 (low) to 5 (high); absent means not rated yet. Cost and
/// travel burden count against the event: a 5 there lowers the score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Ratings {
    pub audience_fit: Option<u8>,
    pub reach: Option<u8>,
    pub cost: Option<u8>,
    pub travel_burden: Option<u8>,
    pub strategic_value: Option<u8>,
}

/// How much each rating counts, 0 to 10 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScoreWeights {
    pub audience_fit: u8,
    pub reach: u8,
    pub cost: u8,
    pub travel_burden: u8,
    pub strategic_value: u8,
}

impl Default for ScoreWeights {
    /// Fit and strategy first, reach next, the two costs last: a sensible start a team then tunes.
    fn default() -> Self {
        ScoreWeights { audience_fit: 3, reach: 2, cost: 2, travel_burden: 1, strategic_value: 3 }
    }
}

pub const MAX_RATING: u8 = 5;
pub const MAX_WEIGHT: u8 = 10;

/// Each criterion with its name, rating, weight and whether a high rating is good.
fn criteria(r: &Ratings, w: &ScoreWeights) -> [(&'static str, Option<u8>, u8, bool); 5] {
    [
        ("audience_fit", r.audience_fit, w.audience_fit, true),
        ("reach", r.reach, w.reach, true),
        ("cost", r.cost, w.cost, false),
        ("travel_burden", r.travel_burden, w.travel_burden, false),
        ("strategic_value", r.strategic_value, w.strategic_value, true),
    ]
}

impl Ratings {
    pub fn validate(&self, prefix: &str) -> Result<Ratings> {
        for (name, rating, _, _) in criteria(self, &ScoreWeights::default()) {
            if let Some(value) = rating
                && !(1..=MAX_RATING).contains(&value)
            {
                return Err(Error::invalid(format!("{prefix}.{name}"), format!("{value} is not a rating from 1 to 5")));
            }
        }
        Ok(*self)
    }

    pub fn is_empty(&self) -> bool {
        *self == Ratings::default()
    }

    /// 0 to 100 over the rated criteria, or none when nothing weighed is rated.
    /// Unrated criteria drop out rather than count as zero, so a half-rated
    /// candidate is not punished for what nobody has judged yet.
    pub fn score(&self, weights: &ScoreWeights) -> Option<u8> {
        let (mut total, mut weight_sum) = (0.0, 0.0);
        for (_, rating, weight, high_is_good) in criteria(self, weights) {
            let Some(r) = rating else { continue };
            let unit = f64::from(r - 1) / f64::from(MAX_RATING - 1);
            total += f64::from(weight) * if high_is_good { unit } else { 1.0 - unit };
            weight_sum += f64::from(weight);
        }
        (weight_sum > 0.0).then(|| (100.0 * total / weight_sum).round() as u8)
    }
}

impl ScoreWeights {
    pub fn validate(&self) -> Result<ScoreWeights> {
        let all = criteria(&Ratings::default(), self);
        for (name, _, weight, _) in all {
            if weight > MAX_WEIGHT {
                return Err(Error::invalid(
                    format!("score_weights.{name}"),
                    format!("{weight} is more than {MAX_WEIGHT}"),
                ));
            }
        }
        if all.iter().all(|c| c.2 == 0) {
            return Err(Error::invalid("score_weights", "at least one weight must be above 0"));
        }
        Ok(*self)
    }
}

/// An event's score under the team's weights, for the board and the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct EventScore {
    pub event_id: Uuid,
    pub score: Option<u8>,
}

pub fn scores(events: &[Event], weights: &ScoreWeights) -> Vec<EventScore> {
    events.iter().map(|e| EventScore { event_id: e.id, score: e.ratings.score(weights) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_and_worst_events_score_100_and_0() {
        let w = ScoreWeights::default();
        let best = Ratings {
            audience_fit: Some(5),
            reach: Some(5),
            cost: Some(1),
            travel_burden: Some(1),
            strategic_value: Some(5),
        };
        let worst = Ratings {
            audience_fit: Some(1),
            reach: Some(1),
            cost: Some(5),
            travel_burden: Some(5),
            strategic_value: Some(1),
        };
        assert_eq!(best.score(&w), Some(100));
        assert_eq!(worst.score(&w), Some(0));
        assert_eq!(Ratings::default().score(&w), None);
    }

    #[test]
    fn weights_change_the_order_of_two_candidates() {
        let cheap_small = Ratings { reach: Some(2), cost: Some(1), ..Default::default() };
        let dear_big = Ratings { reach: Some(5), cost: Some(5), ..Default::default() };
        let reach_first = ScoreWeights { reach: 10, cost: 1, ..ScoreWeights::default() };
        let cost_first = ScoreWeights { reach: 1, cost: 10, ..ScoreWeights::default() };
        assert!(dear_big.score(&reach_first) > cheap_small.score(&reach_first));
        assert!(cheap_small.score(&cost_first) > dear_big.score(&cost_first));
        // reach 2 → 0.25, cost 1 → 1.0; weights 1 and 10: (0.25 + 10) / 11 = 93 %.
        assert_eq!(cheap_small.score(&cost_first), Some(93));
    }

    #[test]
    fn out_of_range_values_name_their_field() {
        let err = Ratings { cost: Some(6), ..Default::default() }.validate("ratings").unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "ratings.cost"), "{err}");
        assert!(Ratings { reach: Some(0), ..Default::default() }.validate("ratings").is_err());
        let err = ScoreWeights { reach: 11, ..ScoreWeights::default() }.validate().unwrap_err();
        assert!(matches!(err, Error::Invalid { ref field, .. } if field == "score_weights.reach"), "{err}");
        let zero = ScoreWeights { audience_fit: 0, reach: 0, cost: 0, travel_burden: 0, strategic_value: 0 };
        assert!(zero.validate().is_err());
    }
}
