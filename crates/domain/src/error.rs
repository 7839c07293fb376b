//! The domain's one error: input that breaks a rule, or a record that is not
//! there. The store wraps it into its own error, keeping the kind and field.

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names where (`end_date`, `people[2].timezone`).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into() }
    }

    /// Prefixes the field of an `Invalid` error, so that a record's own
    /// validation can name its place in a larger file (`events[3].end_date`).
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::Invalid { field, message } => Error::Invalid { field: format!("{prefix}.{field}"), message },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_prefixes_the_field_path() {
        let err = Error::invalid("timezone", "unknown").within("people[2]");
        assert_eq!(err.to_string(), "people[2].timezone: unknown");
    }
}
