//! The load model's tests: a small world builder, one test module per group of
//! rules at their thresholds, and whole scenarios.

mod scenarios;
mod world;
