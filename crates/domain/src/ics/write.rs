//! Writing content lines the way every calendar app reads them: CRLF, lines
//! folded at 75 octets without splitting a UTF-8 character, TEXT escaped.

use std::fmt::Write as _;

use super::reader::Component;

/// A calendar being written.
#[derive(Debug, Default)]
pub struct Lines {
    out: String,
}

impl Lines {
    pub fn with_capacity(bytes: usize) -> Lines {
        Lines { out: String::with_capacity(bytes) }
    }

    /// `NAME;P=V:value` with `value` already in its iCalendar form.
    pub fn raw(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let start = self.out.len();
        self.out.push_str(name);
        for (k, v) in params {
            let _ = write!(self.out, ";{k}=");
            push_param(&mut self.out, v);
        }
        self.out.push(':');
        self.out.push_str(value);
        fold_from(&mut self.out, start);
        self.out.push_str("\r\n");
    }

    /// A TEXT property, escaped. Empty text is left out, as apps expect.
    pub fn text(&mut self, name: &str, value: &str) {
        if !value.trim().is_empty() {
            self.raw(name, &[], &escape(value));
        }
    }

    pub fn begin(&mut self, name: &str) {
        self.raw("BEGIN", &[], name);
    }

    pub fn end(&mut self, name: &str) {
        self.raw("END", &[], name);
    }

    /// A component read from a file, written back as read (values unchanged).
    pub fn component(&mut self, c: &Component) {
        self.begin(&c.name);
        for p in &c.properties {
            let params: Vec<(&str, &str)> = p.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            self.raw(&p.name, &params, &p.value);
        }
        for child in &c.children {
            self.component(child);
        }
        self.end(&c.name);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A parameter value, quoted when it holds `:` `;` or `,`; a double quote
/// cannot be in one at all (RFC 5545 3.2), so it becomes a single quote.
fn push_param(out: &mut String, v: &str) {
    let v = v.replace('"', "'");
    if v.contains([':', ';', ',']) {
        let _ = write!(out, "\"{v}\"");
    } else {
        out.push_str(&v);
    }
}

/// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds the line that starts at `start` so that no physical line is longer
/// than 75 octets, breaking only between characters.
fn fold_from(out: &mut String, start: usize) {
    if out.len() - start <= 75 {
        return;
    }
    let line = out.split_off(start);
    let mut width = 75;
    let mut rest = line.as_str();
    while rest.len() > width {
        let mut cut = width;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // A continuation line starts with the space, which counts.
        width = 74;
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::reader;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters_and_read_back_whole() {
        let summary =
            "Quarterdeck — Zoë’s keynote, “Rust at the edge”; day 2 of 3 \\ long enough to fold twice over at least";
        let mut lines = Lines::default();
        lines.begin("VEVENT");
        lines.text("SUMMARY", summary);
        lines.end("VEVENT");
        let text = lines.finish();
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{physical:?} is {} octets", physical.len());
        }
        assert!(text.contains("\r\n "), "folded");
        let back = reader::parse(text.as_bytes()).unwrap();
        assert_eq!(reader::unescape(&back[0].property("SUMMARY").unwrap().value), summary);
    }

    #[test]
    fn text_is_escaped_and_parameters_quoted() {
        assert_eq!(escape("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut lines = Lines::default();
        lines.raw("X-TEST", &[("CN", "Doe, Jane"), ("ROLE", "CHAIR")], "v");
        assert_eq!(lines.finish(), "X-TEST;CN=\"Doe, Jane\";ROLE=CHAIR:v\r\n");
    }
}
