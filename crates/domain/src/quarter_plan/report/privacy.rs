//! What a report may show, as the heat map decides it: a person's own report
//! has their hours; the team's has levels and reasons per person, and its
//! roll-ups of hours only when the team is large enough that they cannot be
//! read back to one person (`load::MIN_GROUP`).

use crate::load::MIN_GROUP;
use crate::quarter_plan::view::QuarterView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A person's own report: every figure of theirs.
    Own,
    /// The team's report, for `members` people.
    Team { members: u32 },
}

impl Audience {
    pub fn of(main: &QuarterView, people: &[QuarterView]) -> Audience {
        match main.person_id {
            Some(_) => Audience::Own,
            None => Audience::Team { members: people.len() as u32 },
        }
    }

    /// Hours summed over the team (the load chart, the balance's hours) may be shown.
    pub fn shows_team_hours(self) -> bool {
        match self {
            Audience::Own => true,
            Audience::Team { members } => members >= MIN_GROUP,
        }
    }

    /// A person's own hours or load may be shown beside their name.
    pub fn shows_personal_hours(self) -> bool {
        self == Audience::Own
    }
}

/// What stands where withheld hours would be.
pub fn withheld_note() -> String {
    format!(
        "<p class=\"note withheld\">Hours withheld: a roll-up of fewer than {MIN_GROUP} people would show a \
         person's hours. Each person's own report has them.</p>\n"
    )
}
