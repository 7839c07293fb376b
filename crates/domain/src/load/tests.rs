//! The load model's tests: a small world builder, one test module per group of
//! rules at their thresholds, and whole scenarios.

mod hours_rules;
mod plan_rules;
mod scenarios;
mod travel_rules;
mod world;
