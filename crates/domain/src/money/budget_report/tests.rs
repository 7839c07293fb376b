//! A mixed-currency quarter, every figure worked out by hand in the comments.

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::*;
use crate::budget::{Budget, DEFAULT_ALERTS};
use crate::money::Rate;
use crate::trip::CostCategory;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cur(code: &str) -> Currency {
    Currency::parse("currency", code).unwrap()
}

fn person(name: &str) -> Person {
    let now = Utc::now();
    Person {
        id: Uuid::now_v7(),
        name: name.into(),
        role: String::new(),
        home_city: String::new(),
        timezone: "Europe/Berlin".into(),
        capacity_hours: 40.0,
        working_days: vec![],
        created_at: now,
        updated_at: now,
    }
}

fn line(currency: &str, planned: Option<i64>, actual: Option<i64>, date: &str, payer: Payer) -> CostLine {
    CostLine {
        id: Uuid::now_v7(),
        category: CostCategory::Other,
        description: String::new(),
        currency: currency.into(),
        planned_minor: planned,
        actual_minor: actual,
        date: day(date),
        payer,
    }
}

fn trip(person: &Person, status: TripStatus, costs: Vec<CostLine>) -> Trip {
    let now = Utc::now();
    Trip {
        id: Uuid::now_v7(),
        person_id: person.id,
        title: format!("{status} trip"),
        status,
        event_ids: vec![],
        segments: vec![],
        costs,
        notes: String::new(),
        created_at: now,
        updated_at: now,
    }
}

fn budget(person: Option<&Person>, minor: i64, currency: &str) -> Budget {
    let now = Utc::now();
    Budget {
        id: Uuid::now_v7(),
        quarter: Quarter::parse("q", "2026Q1").unwrap(),
        person_id: person.map(|p| p.id),
        amount_minor: minor,
        currency: currency.into(),
        alerts: DEFAULT_ALERTS.to_vec(),
        created_at: now,
        updated_at: now,
    }
}

/// Euro reference rates: units per euro.
fn rates() -> RateTable {
    let mut t = RateTable::new(cur("EUR"));
    let mut put = |d: &str, c: &str, r: &str| t.insert(day(d), cur(c), Rate::parse(c, r).unwrap());
    put("2025-12-31", "USD", "1.0400");
    put("2026-01-02", "USD", "1.0800");
    put("2026-01-02", "GBP", "0.8500");
    put("2026-01-02", "JPY", "160");
    put("2026-02-02", "USD", "1.2000");
    t
}

use Payer::{Company, Sponsor};

#[test]
fn a_mixed_currency_quarter_matches_the_hand_computed_figures() {
    let (maya, ravi, zoe) = (person("Maya"), person("Ravi"), person("Zoë"));
    let trips = vec![
        trip(
            &maya,
            TripStatus::Confirmed,
            vec![
                // 1080.00 USD on 10 Jan at 1.08 (2 Jan) = 1000.00 EUR, planned.
                line("USD", Some(108_000), None, "2026-01-10", Company),
                // 425.00 GBP planned = 500.00 EUR; 442.00 GBP paid = 520.00 EUR (at 0.85).
                line("GBP", Some(42_500), Some(44_200), "2026-01-20", Company),
                // 16,000 JPY paid at 160 = 100.00 EUR.
                line("JPY", None, Some(16_000), "2026-01-21", Company),
                // The sponsor's 300.00 EUR is shown, not charged.
                line("EUR", Some(30_000), None, "2026-01-20", Sponsor),
                // Next quarter: not in this report.
                line("EUR", Some(99_900), None, "2026-04-02", Company),
            ],
        ),
        // 2400.00 USD on 5 Feb at 1.20 (2 Feb) = 2000.00 EUR, planned but not confirmed.
        trip(&maya, TripStatus::Planned, vec![line("USD", Some(240_000), None, "2026-02-05", Company)]),
        // Cancelled: the 60.00 EUR visa fee was paid anyway; the flight's plan no longer counts.
        trip(
            &maya,
            TripStatus::Cancelled,
            vec![
                line("EUR", None, Some(6_000), "2026-01-05", Company),
                line("EUR", Some(50_000), None, "2026-01-06", Company),
            ],
        ),
        // 200.00 GBP at 0.85 = 235.294… → 235.29 EUR.
        trip(&ravi, TripStatus::Confirmed, vec![line("GBP", Some(20_000), None, "2026-03-01", Company)]),
    ];
    // The team's 8320.00 USD at 1.04 (31 Dec, the nearest before 1 Jan) = 8000.00 EUR.
    let budgets = vec![budget(Some(&maya), 500_000, "EUR"), budget(None, 832_000, "USD"), budget(Some(&zoe), 0, "EUR")];
    let q = Quarter::parse("q", "2026Q1").unwrap();
    let r = report(
        q,
        BudgetQuarterRule::default(),
        cur("EUR"),
        &[zoe.clone(), ravi.clone(), maya.clone()],
        &trips,
        &budgets,
        &rates(),
    )
    .unwrap();

    assert!(r.unconverted.is_empty(), "{:?}", r.unconverted);
    assert_eq!(r.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Maya", "Ravi", "Zoë"]);
    let m = &r.people[0];
    assert_eq!(m.spend.planned, 100_000 + 50_000 + 200_000, "3500.00: both live trips' plans");
    assert_eq!(m.spend.committed, 150_000, "1500.00: the confirmed trip's plans");
    assert_eq!(m.spend.actual, 52_000 + 10_000 + 6_000, "680.00 paid, the visa included");
    assert_eq!(m.spend.forecast, 100_000 + 52_000 + 10_000 + 200_000 + 6_000, "3680.00");
    assert_eq!(m.spend.sponsor, 30_000);
    assert_eq!(m.budget_minor, Some(500_000));
    assert_eq!(m.remaining_minor, Some(132_000), "1320.00 left");
    assert_eq!(m.used_percent, Some(73.6));
    assert_eq!(m.alert.as_ref().map(|a| a.threshold), Some(50));

    let ravi_row = &r.people[1];
    assert_eq!((ravi_row.spend.committed, ravi_row.spend.forecast), (23_529, 23_529));
    assert_eq!((ravi_row.budget_minor, ravi_row.alert.clone()), (None, None), "no budget, no alert");

    // Zoë has a zero budget and no costs: a row, and no alert for nothing spent.
    assert_eq!((r.people[2].budget_minor, r.people[2].alert.clone()), (Some(0), None));

    assert_eq!(r.team.budget_minor, Some(800_000));
    assert_eq!(r.team.budget_entered.as_deref(), Some("8320.00 USD at 0.961538 (2025-12-31)"));
    assert_eq!(r.team.spend.forecast, 368_000 + 23_529, "3915.29: everyone's forecast");
    assert_eq!(r.team.remaining_minor, Some(800_000 - 391_529));
    assert_eq!(r.team.alert, None, "48.9 % is under the 50 % alert");
}

#[test]
fn a_missing_rate_leaves_the_cost_out_and_names_currency_and_day() {
    let maya = person("Maya");
    let trips = vec![trip(
        &maya,
        TripStatus::Confirmed,
        vec![
            line("CHF", Some(10_000), None, "2026-01-15", Company),
            line("EUR", Some(10_000), None, "2026-01-15", Company),
        ],
    )];
    let q = Quarter::parse("q", "2026Q1").unwrap();
    let r = report(q, BudgetQuarterRule::default(), cur("EUR"), std::slice::from_ref(&maya), &trips, &[], &rates())
        .unwrap();
    assert_eq!(r.people[0].spend.forecast, 10_000, "only the euro line, never CHF at 1:1");
    assert_eq!(r.unconverted.len(), 1);
    assert!(r.unconverted[0].contains("no exchange rate for CHF on or before 2026-01-15"), "{}", r.unconverted[0]);
}

#[test]
fn alerts_fire_at_their_threshold_exactly() {
    let maya = person("Maya");
    let q = Quarter::parse("q", "2026Q1").unwrap();
    let with = |minor: i64| {
        let trips = vec![trip(&maya, TripStatus::Planned, vec![line("EUR", Some(minor), None, "2026-01-15", Company)])];
        let r = report(
            q,
            BudgetQuarterRule::default(),
            cur("EUR"),
            std::slice::from_ref(&maya),
            &trips,
            &[budget(Some(&maya), 100_000, "EUR")],
            &rates(),
        )
        .unwrap();
        r.people[0].alert.clone()
    };
    assert_eq!(with(49_999), None);
    assert_eq!(with(50_000).map(|a| a.threshold), Some(50));
    assert_eq!(with(79_999).map(|a| a.threshold), Some(50));
    let at_80 = with(80_000).unwrap();
    assert_eq!(at_80.threshold, 80);
    assert_eq!(
        at_80.message,
        "Maya's 2026Q1 travel is at 80 % of budget: 800.00 EUR of 1000.00 EUR spent, committed or planned (alert at 80 %)"
    );
    assert_eq!(with(120_000).map(|a| a.threshold), Some(100));
}

#[test]
fn a_conversion_says_which_rate_it_used() {
    let l = line("USD", Some(108_000), Some(120_000), "2026-02-03", Company);
    let c = convert_line(&l, cur("EUR"), &rates());
    let planned = c.planned.unwrap();
    assert_eq!((planned.minor, planned.rate.as_str(), planned.rate_day), (90_000, "0.833333", day("2026-02-02")));
    assert_eq!(c.actual.unwrap().minor, 100_000);
    let missing = convert_line(&line("SEK", Some(1), None, "2026-02-03", Company), cur("EUR"), &rates());
    assert!(missing.problem.unwrap().contains("SEK on or before 2026-02-03"));
}

#[test]
fn sums_too_large_for_an_i64_are_an_error_naming_the_trip() {
    // Two lines of 90,000,000,000,000,000.00 EUR (9 * 10^18 cents: each fits an i64, their
    // sum does not), as a plan stored before amounts were capped may hold.
    let maya = person("Maya");
    let q = Quarter::parse("q", "2026Q1").unwrap();
    let huge = 9_000_000_000_000_000_000;
    let lines = vec![
        line("EUR", Some(huge), None, "2026-01-15", Company),
        line("EUR", Some(huge), None, "2026-01-16", Company),
    ];
    let trips = vec![trip(&maya, TripStatus::Planned, lines)];
    let err = report(q, BudgetQuarterRule::default(), cur("EUR"), std::slice::from_ref(&maya), &trips, &[], &rates())
        .unwrap_err();
    assert!(matches!(err, crate::Error::Invalid { .. }), "{err}");
    assert!(err.to_string().contains(".costs.planned: the total is too large"), "{err}");
}

#[test]
fn a_december_booking_for_a_january_trip_counts_where_the_teams_rule_says() {
    let maya = person("Maya");
    let at = |s: &str| s.parse::<chrono::NaiveDateTime>().unwrap();
    let mut input = crate::trip::sample_input(maya.id);
    input.segments.truncate(1);
    input.segments[0].depart_at = at("2026-01-12T13:30:00");
    input.segments[0].arrive_at = at("2026-01-13T09:05:00");
    input.costs = vec![crate::trip::CostLineInput {
        id: None,
        category: CostCategory::Flight,
        description: "Booked in December".into(),
        currency: "EUR".into(),
        planned: "900".into(),
        actual: String::new(),
        date: day("2025-12-03"),
        payer: Company,
    }];
    let now = Utc::now();
    let trips = vec![input.into_trip(Uuid::now_v7(), now, now).unwrap()];
    let forecast = |quarter: &str, rule: BudgetQuarterRule| {
        let q = Quarter::parse("q", quarter).unwrap();
        let r = report(q, rule, cur("EUR"), std::slice::from_ref(&maya), &trips, &[], &rates()).unwrap();
        assert_eq!(r.rule_sentence, rule.sentence());
        r.team.spend.forecast
    };
    assert_eq!(forecast("2026Q1", BudgetQuarterRule::TripStart), 90_000, "the trip's quarter by default");
    assert_eq!(forecast("2025Q4", BudgetQuarterRule::TripStart), 0);
    assert_eq!(forecast("2025Q4", BudgetQuarterRule::BookingDate), 90_000, "the booking's quarter when asked");
    assert_eq!(forecast("2026Q1", BudgetQuarterRule::BookingDate), 0);
}
