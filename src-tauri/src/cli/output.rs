//! How every verb prints: pretty JSON, or a plain table of left-aligned columns.

use std::io::Write;

use crate::{Error, Result};

/// `value` as pretty JSON and a newline: what every `--json` prints.
pub(crate) fn print_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).expect("plan records always serialise");
    writeln!(out, "{text}").map_err(|e| Error::file("standard output", e))
}

/// Left-aligned columns, two spaces apart, widths by characters.
pub(crate) fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count()))).collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut text = line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        text.push_str(&line(row));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_on_characters_not_bytes() {
        let text = table(&["A", "B"], vec![vec!["Zoë".into(), "x".into()], vec!["Al".into(), "y".into()]]);
        assert_eq!(text, "A    B\nZoë  x\nAl   y\n");
    }
}
