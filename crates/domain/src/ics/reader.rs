//! Reading iCalendar text into a tree of components, keeping each property's
//! line number so that every error can name where it is.
//!
//! Own reader rather than the `ical` crate's: that one trims the whitespace
//! at fold points (a space folded onto the next line is lost) and reports
//! component errors without a line.

use crate::{Error, Result};

/// One content line, unfolded: `NAME;PARAM=V:VALUE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    /// Parameter names upper-cased, values unquoted.
    pub params: Vec<(String, String)>,
    pub value: String,
    /// 1-based line of the file where the property starts.
    pub line: usize,
    /// An empty parameter (`DTSTART;;VALUE=DATE:…`) was left out: the
    /// import warns, naming the line.
    pub empty_param: bool,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// "line 12, DTSTART": where an error about this property is.
    pub fn at(&self) -> String {
        format!("line {}, {}", self.line, self.name)
    }
}

/// `BEGIN:NAME` … `END:NAME`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub line: usize,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.property(name).map(|p| p.value.as_str())
    }

    /// "VEVENT at line 40": how a warning names a component.
    pub fn at(&self) -> String {
        format!("{} at line {}", self.name, self.line)
    }
}

/// Calendar files above this are refused before reading, rather than
/// exhausting memory.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;
/// Components nest a few levels (VCALENDAR > VEVENT > VALARM); deeper is broken.
const MAX_DEPTH: usize = 16;

/// Every top-level component of `bytes` (usually one or more VCALENDARs).
/// Structural faults (a line with no colon, BEGIN without END, bytes that are
/// not UTF-8) refuse the whole file, naming the line.
pub fn parse(bytes: &[u8]) -> Result<Vec<Component>> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::invalid("file", format!("{} MB is too big for a calendar", bytes.len() >> 20)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut roots = Vec::new();
    let mut stack: Vec<Component> = Vec::new();
    for line in unfold(bytes) {
        let (number, text) = line?;
        let prop = property(&text, number)?;
        match prop.name.as_str() {
            "BEGIN" => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::invalid(format!("line {number}"), "components nested too deep"));
                }
                let name = prop.value.trim().to_ascii_uppercase();
                if name.is_empty() {
                    return Err(Error::invalid(format!("line {number}, BEGIN"), "names no component"));
                }
                stack.push(Component { name, line: number, ..Component::default() });
            }
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let Some(open) = stack.pop() else {
                    return Err(Error::invalid(format!("line {number}, END"), format!("END:{name} with no BEGIN")));
                };
                if open.name != name {
                    return Err(Error::invalid(
                        format!("line {number}, END"),
                        format!("END:{name} closes {} (line {}): END:{} is missing", open.name, open.line, open.name),
                    ));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(open),
                    None => roots.push(open),
                }
            }
            _ => match stack.last_mut() {
                Some(current) => current.properties.push(prop),
                // Trailing lines after the last END (a comment some writers
                // add) carry nothing a calendar needs.
                None if !roots.is_empty() => {}
                None => {
                    return Err(Error::invalid(
                        format!("line {number}, {}", prop.name),
                        "outside any component: is this an iCalendar (.ics) file?",
                    ));
                }
            },
        }
    }
    if let Some(open) = stack.pop() {
        return Err(Error::invalid(
            format!("line {}, BEGIN", open.line),
            format!("{} is never closed: END:{} is missing", open.name, open.name),
        ));
    }
    if roots.is_empty() {
        return Err(Error::invalid("file", "no calendar in it: is it an iCalendar (.ics) file?"));
    }
    Ok(roots)
}

/// Logical lines with the number of their first physical line. A line that
/// starts with a space or tab continues the one before (RFC 5545 3.1); the
/// one whitespace character is dropped and nothing else.
fn unfold(bytes: &[u8]) -> impl Iterator<Item = Result<(usize, String)>> + '_ {
    let mut physical = bytes.split(|&b| b == b'\n').enumerate().peekable();
    std::iter::from_fn(move || {
        loop {
            let (index, first) = physical.next()?;
            let first = first.strip_suffix(b"\r").unwrap_or(first);
            if first.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let mut joined = first.to_vec();
            while let Some((_, next)) = physical.peek() {
                match next.first() {
                    // Blank lines are not iCalendar, but some writers leave them
                    // inside a folded line; other readers skip them too.
                    None | Some(b'\r') if next.iter().all(|b| b.is_ascii_whitespace()) => {
                        physical.next();
                    }
                    Some(b' ' | b'\t') => {
                        let next = next.strip_suffix(b"\r").unwrap_or(next);
                        joined.extend_from_slice(&next[1..]);
                        physical.next();
                    }
                    _ => break,
                }
            }
            let number = index + 1;
            return Some(
                String::from_utf8(joined)
                    .map_err(|_| Error::invalid(format!("line {number}"), "is not UTF-8 text"))
                    .map(|text| (number, text)),
            );
        }
    })
}

/// `NAME *(";" param) ":" value`, with quoted parameter values that may hold
/// `:` `;` and `,`.
fn property(text: &str, line: usize) -> Result<Property> {
    let bad = |message: &str| Error::invalid(format!("line {line}"), message.to_string());
    let name_end = text.find([';', ':']).ok_or_else(|| bad("has no ':' between a property name and its value"))?;
    let name = text[..name_end].trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(bad(&format!("{name:?} is not a property name")));
    }
    let name = name.to_ascii_uppercase();
    let mut params = Vec::new();
    let mut empty_param = false;
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        if after.starts_with([';', ':']) {
            empty_param = true;
            rest = after;
            continue;
        }
        let eq = after.find('=').ok_or_else(|| bad(&format!("{name}: a parameter has no '='")))?;
        let key = after[..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        let mut s = &after[eq + 1..];
        loop {
            if let Some(quoted) = s.strip_prefix('"') {
                let close = quoted.find('"').ok_or_else(|| bad(&format!("{name}: a quoted {key} is never closed")))?;
                value.push_str(&quoted[..close]);
                s = &quoted[close + 1..];
            } else {
                let end = s.find([',', ';', ':']).unwrap_or(s.len());
                value.push_str(&s[..end]);
                s = &s[end..];
            }
            match s.strip_prefix(',') {
                Some(more) => {
                    value.push(',');
                    s = more;
                }
                None => break,
            }
        }
        params.push((key, value));
        rest = s;
    }
    let value = rest.strip_prefix(':').ok_or_else(|| bad(&format!("{name}: has no ':' before its value")))?;
    Ok(Property { name, params, value: value.to_string(), line, empty_param })
}

/// RFC 5545 TEXT: `\n` is a line break, `\,` `\;` `\\` the character.
pub fn unescape(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(escaped) => out.push(escaped),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(err: Error) -> String {
        match err {
            Error::Invalid { field, message } => format!("{field}: {message}"),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn folded_lines_keep_the_space_at_the_fold_and_their_first_line_number() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Plan the \r\n  quarter with Zo\r\n\té\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let roots = parse(text.as_bytes()).unwrap();
        let event = &roots[0].children[0];
        let summary = event.property("SUMMARY").unwrap();
        assert_eq!(summary.value, "Plan the  quarter with Zoé");
        assert_eq!((summary.line, event.line), (3, 2));
    }

    #[test]
    fn quoted_parameters_may_hold_colons_and_semicolons() {
        let p = property(r#"ATTENDEE;CN="Doe; Jane: PM";ROLE=REQ-PARTICIPANT:mailto:jane@example.com"#, 7).unwrap();
        assert_eq!(p.param("CN"), Some("Doe; Jane: PM"));
        assert_eq!(p.param("ROLE"), Some("REQ-PARTICIPANT"));
        assert_eq!(p.value, "mailto:jane@example.com");
        let p = property("dtstart;tzid=W. Europe Standard Time:20260105T090000", 1).unwrap();
        assert_eq!((p.name.as_str(), p.param("TZID")), ("DTSTART", Some("W. Europe Standard Time")));
    }

    #[test]
    fn an_empty_parameter_is_left_out_and_marked() {
        let p = property("DTSTART;;VALUE=DATE:20260105", 4).unwrap();
        assert_eq!((p.param("VALUE"), p.value.as_str(), p.empty_param), (Some("DATE"), "20260105", true));
        let p = property("DTSTART;VALUE=DATE;:20260105", 4).unwrap();
        assert_eq!((p.param("VALUE"), p.empty_param), (Some("DATE"), true));
        assert!(!property("DTSTART;VALUE=DATE:20260105", 4).unwrap().empty_param);
    }

    #[test]
    fn several_calendars_in_one_file_are_all_read() {
        let one = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(parse(format!("{one}\n{one}").as_bytes()).unwrap().len(), 2);
    }

    #[test]
    fn structural_faults_name_their_line() {
        let missing_end = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VCALENDAR\n";
        assert_eq!(
            field(parse(missing_end.as_bytes()).unwrap_err()),
            "line 4, END: END:VCALENDAR closes VEVENT (line 2): END:VEVENT is missing"
        );
        let unclosed = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n";
        assert!(field(parse(unclosed.as_bytes()).unwrap_err()).starts_with("line 1, BEGIN: VCALENDAR is never closed"));
        let broken = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY lost its colon\nEND:VEVENT\nEND:VCALENDAR\n";
        assert!(field(parse(broken.as_bytes()).unwrap_err()).starts_with("line 3: has no ':'"));
        let latin1 = b"BEGIN:VCALENDAR\nSUMMARY:caf\xe9\nEND:VCALENDAR\n";
        assert_eq!(field(parse(latin1).unwrap_err()), "line 2: is not UTF-8 text");
        assert!(parse(b"hello").is_err());
        assert!(parse(b"").is_err());
    }

    #[test]
    fn text_escapes_are_read_in_one_pass() {
        assert_eq!(unescape(r"a\, b\; c\\n d\ne"), "a, b; c\\n d\ne");
    }
}
