//! Which quarter's budget a trip's cost counts against. Finance teams differ:
//! most charge a trip to the quarter it happens in (a December booking for a
//! January trip is Q1 money), some to the quarter the money leaves. A team
//! setting picks one; every budget figure names the rule it used.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::quarter::Quarter;
use crate::trip::{CostLine, Trip};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BudgetQuarterRule {
    /// Every cost of a trip counts in the quarter of the trip's first day under way.
    #[default]
    TripStart,
    /// Each cost counts in the quarter of its own date (when it was booked or paid).
    BookingDate,
}

impl BudgetQuarterRule {
    /// The day whose quarter `line` of `trip` counts in. A trip with no
    /// segments yet has no start: its costs fall back to their own dates.
    pub fn counting_day(self, trip: &Trip, line: &CostLine) -> NaiveDate {
        match self {
            BudgetQuarterRule::TripStart => trip.starts_on().unwrap_or(line.date),
            BudgetQuarterRule::BookingDate => line.date,
        }
    }

    pub fn counts_in(self, quarter: Quarter, trip: &Trip, line: &CostLine) -> bool {
        quarter.contains(self.counting_day(trip, line))
    }

    /// One sentence for the budget view, the CLI and the report.
    pub fn sentence(self) -> &'static str {
        match self {
            BudgetQuarterRule::TripStart => {
                "Costs count in the quarter the trip starts in, whenever they were booked \
                 (a trip without segments yet: on each cost's date)."
            }
            BudgetQuarterRule::BookingDate => "Costs count in the quarter of each cost's date (booking date).",
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::trip::{self, Payer};

    fn dec_booked_jan_trip() -> Trip {
        let mut input = trip::sample_input(Uuid::now_v7());
        let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        input.segments.truncate(1);
        input.segments[0].depart_at = at("2027-01-12T13:30:00");
        input.segments[0].arrive_at = at("2027-01-13T09:05:00");
        input.costs.truncate(1);
        input.costs[0].date = "2026-12-03".parse().unwrap();
        input.costs[0].payer = Payer::Company;
        let now = Utc::now();
        input.into_trip(Uuid::now_v7(), now, now).unwrap()
    }

    fn q(s: &str) -> Quarter {
        Quarter::parse("quarter", s).unwrap()
    }

    #[test]
    fn a_december_booking_for_a_january_trip_is_q1_money_by_default() {
        let t = dec_booked_jan_trip();
        let rule = BudgetQuarterRule::default();
        assert_eq!(rule, BudgetQuarterRule::TripStart);
        assert!(rule.counts_in(q("2027Q1"), &t, &t.costs[0]));
        assert!(!rule.counts_in(q("2026Q4"), &t, &t.costs[0]));
    }

    #[test]
    fn by_booking_date_the_same_cost_is_q4_money() {
        let t = dec_booked_jan_trip();
        let rule = BudgetQuarterRule::BookingDate;
        assert!(rule.counts_in(q("2026Q4"), &t, &t.costs[0]));
        assert!(!rule.counts_in(q("2027Q1"), &t, &t.costs[0]));
    }

    #[test]
    fn a_trip_without_segments_counts_on_each_cost_date() {
        let mut t = dec_booked_jan_trip();
        t.segments.clear();
        assert!(BudgetQuarterRule::TripStart.counts_in(q("2026Q4"), &t, &t.costs[0]));
    }

    #[test]
    fn the_rule_is_stored_as_snake_case_text() {
        assert_eq!(serde_json::to_string(&BudgetQuarterRule::BookingDate).unwrap(), "\"booking_date\"");
        let parsed: BudgetQuarterRule = serde_json::from_str("\"trip_start\"").unwrap();
        assert_eq!(parsed, BudgetQuarterRule::TripStart);
    }
}
