//! The system's locale for numbers, money and dates, told to the window:
//! WebKitGTK's `navigator.language` does not follow `LANG`, so the page would
//! otherwise write `612.40` on a German desktop.

/// Read in this order, as POSIX does for money and numbers; `QUARTERDECK_LOCALE` first, for tests.
const VARIABLES: [&str; 5] = ["QUARTERDECK_LOCALE", "LC_ALL", "LC_MONETARY", "LC_NUMERIC", "LANG"];
/// What the "C" locale (and no locale at all) writes like.
const FALLBACK: &str = "en-US";

/// The system's locale as a BCP 47 tag (`de_DE.UTF-8` becomes `de-DE`).
pub fn system() -> String {
    from_variables(|name| std::env::var(name).ok())
}

fn from_variables(read: impl Fn(&str) -> Option<String>) -> String {
    VARIABLES
        .iter()
        .filter_map(|name| read(name))
        .find(|value| !value.trim().is_empty())
        .and_then(|value| tag(&value))
        .unwrap_or_else(|| FALLBACK.to_string())
}

/// `de_DE.UTF-8@euro` to `de-DE`; `None` for "C", "POSIX" or what is no locale name.
fn tag(posix: &str) -> Option<String> {
    let name = posix.trim().split(['.', '@']).next().unwrap_or_default();
    if name.eq_ignore_ascii_case("C") || name.eq_ignore_ascii_case("POSIX") || name.is_empty() {
        return None;
    }
    let tag = name.replace('_', "-");
    let well_formed = tag
        .split('-')
        .all(|part| !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric()));
    well_formed.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> String {
        from_variables(|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn posix_names_become_language_tags() {
        assert_eq!(with(&[("LANG", "de_DE.UTF-8")]), "de-DE");
        assert_eq!(with(&[("LANG", "fr_FR@euro")]), "fr-FR");
        assert_eq!(with(&[("LANG", "en_GB")]), "en-GB");
    }

    #[test]
    fn the_override_then_lc_all_then_money_then_numbers_then_lang() {
        let all = [("LANG", "en_US.UTF-8"), ("LC_NUMERIC", "fr_FR.UTF-8"), ("LC_MONETARY", "de_CH.UTF-8")];
        assert_eq!(with(&all), "de-CH");
        assert_eq!(with(&all[..2]), "fr-FR");
        let mut overridden = all.to_vec();
        overridden.push(("LC_ALL", "nl_NL.UTF-8"));
        assert_eq!(with(&overridden), "nl-NL");
        overridden.push(("QUARTERDECK_LOCALE", "de-DE"));
        assert_eq!(with(&overridden), "de-DE");
    }

    #[test]
    fn c_empty_or_garbled_falls_back_to_english() {
        assert_eq!(with(&[]), "en-US");
        assert_eq!(with(&[("LANG", "C.UTF-8")]), "en-US");
        assert_eq!(with(&[("LC_ALL", ""), ("LANG", "POSIX")]), "en-US");
        assert_eq!(with(&[("LANG", "de DE; rm")]), "en-US");
    }
}
