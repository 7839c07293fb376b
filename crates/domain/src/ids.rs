//! Typed ids for functions that take several: `follow_up_defaults(event, talk)`
//! cannot be called with the two swapped. They cross IPC as the plain UUID text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(pub Uuid);

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }
    };
}

record_id!(
    /// An event's id.
    EventId
);
record_id!(
    /// A talk's id.
    TalkId
);
record_id!(
    /// A submission's id.
    SubmissionId
);
record_id!(
    /// A content item's id.
    ContentId
);
