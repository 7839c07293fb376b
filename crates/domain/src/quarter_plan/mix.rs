//! The target mix: what share of a quarter's planned hours each DevRel function
//! should get, for a person or the team.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::count;
use super::function::DevrelFunction;
use crate::quarter::Quarter;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TargetMix {
    pub quarter: Quarter,
    /// Absent for the team's mix, which people without their own follow.
    pub person_id: Option<Uuid>,
    /// Percent per function, in `DevrelFunction::ALL` order; they sum to 100.
    pub engagement: u8,
    pub education: u8,
    pub advocacy: u8,
    pub outreach: u8,
    pub updated_at: DateTime<Utc>,
}

impl TargetMix {
    pub fn percent(&self, f: DevrelFunction) -> u8 {
        match f {
            DevrelFunction::Engagement => self.engagement,
            DevrelFunction::Education => self.education,
            DevrelFunction::Advocacy => self.advocacy,
            DevrelFunction::Outreach => self.outreach,
        }
    }

    pub fn input(&self) -> TargetMixInput {
        let text = |n: u8| n.to_string();
        TargetMixInput {
            quarter: self.quarter.to_string(),
            person_id: self.person_id,
            engagement: text(self.engagement),
            education: text(self.education),
            advocacy: text(self.advocacy),
            outreach: text(self.outreach),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TargetMixInput {
    pub quarter: String,
    pub person_id: Option<Uuid>,
    /// Whole percentages, as text or numbers; together 100.
    #[serde(deserialize_with = "count::as_text")]
    #[ts(type = "string | number")]
    pub engagement: String,
    #[serde(deserialize_with = "count::as_text")]
    #[ts(type = "string | number")]
    pub education: String,
    #[serde(deserialize_with = "count::as_text")]
    #[ts(type = "string | number")]
    pub advocacy: String,
    #[serde(deserialize_with = "count::as_text")]
    #[ts(type = "string | number")]
    pub outreach: String,
}

impl TargetMixInput {
    pub fn into_mix(&self, updated_at: DateTime<Utc>) -> Result<TargetMix> {
        let quarter = Quarter::parse("quarter", &self.quarter)?;
        let share = |field: &str, text: &str| -> Result<u8> {
            let n = count::parse(field, text)?;
            u8::try_from(n)
                .ok()
                .filter(|n| *n <= 100)
                .ok_or_else(|| Error::invalid(field, format!("{n} % is more than the whole quarter")))
        };
        let mix = TargetMix {
            quarter,
            person_id: self.person_id,
            engagement: share("engagement", &self.engagement)?,
            education: share("education", &self.education)?,
            advocacy: share("advocacy", &self.advocacy)?,
            outreach: share("outreach", &self.outreach)?,
            updated_at,
        };
        let sum: u32 = DevrelFunction::ALL.iter().map(|f| u32::from(mix.percent(*f))).sum();
        if sum != 100 {
            return Err(Error::invalid("mix", format!("the shares add up to {sum} %; a target mix adds up to 100 %")));
        }
        Ok(mix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(shares: [&str; 4]) -> TargetMixInput {
        TargetMixInput {
            quarter: "2026Q1".into(),
            person_id: None,
            engagement: shares[0].into(),
            education: shares[1].into(),
            advocacy: shares[2].into(),
            outreach: shares[3].into(),
        }
    }

    #[test]
    fn a_mix_sums_to_100_and_each_share_is_whole() {
        let mix = input(["30", "30", "15", "25"]).into_mix(Utc::now()).unwrap();
        assert_eq!(mix.percent(DevrelFunction::Outreach), 25);
        let e = input(["30", "30", "15", "20"]).into_mix(Utc::now()).unwrap_err().to_string();
        assert_eq!(e, "mix: the shares add up to 95 %; a target mix adds up to 100 %");
        let e = input(["30.5", "30", "15", "24.5"]).into_mix(Utc::now()).unwrap_err().to_string();
        assert!(e.starts_with("engagement: 30.5 is not a whole number"), "{e}");
        let e = input(["130", "0", "0", "0"]).into_mix(Utc::now()).unwrap_err().to_string();
        assert!(e.starts_with("engagement: 130 %"), "{e}");
    }
}
