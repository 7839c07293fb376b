//! Travel: trips with their segments and costs, the places they go through and
//! their time zones, and the figures the segments imply (`figures`).

pub mod figures;
pub mod place;
pub mod trip;
pub mod zone;

// The figures are what "travel" means to the rest of the plan (`travel::trip_facts`).
pub use figures::*;
