//! Machine-readable exports: the whole report as JSON, one CSV row per activity.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::model::{Report, numeral};
use crate::printable::printable;

/// The report as serde writes the model, pretty-printed; scripts rely on this shape.
pub fn json(report: &Report, out: impl Write) -> io::Result<()> {
    to_json(report, out)
}

/// `value` as pretty JSON. serde_json escapes C0 controls; DEL and C1 (which a terminal may
/// act on) are escaped here too, so JSON printed to a terminal only ever shows.
pub(crate) fn to_json(value: &impl Serialize, out: impl Write) -> io::Result<()> {
    let mut out = out;
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Controls::default());
    value.serialize(&mut serializer).map_err(io::Error::other)?;
    writeln!(out)
}

/// serde_json's pretty layout, with DEL and C1 characters written as `\u00XX`.
#[derive(Default)]
struct Controls(PrettyFormatter<'static>);

impl Formatter for Controls {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        text: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            if crate::printable::is_unsafe(c) {
                w.write_all(&text.as_bytes()[plain..i])?;
                write!(w, "\\u{:04x}", u32::from(c))?;
                plain = i + c.len_utf8();
            }
        }
        w.write_all(&text.as_bytes()[plain..])
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// One row of the CSV export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvRow {
    pub group: String,
    pub group_title: String,
    pub activity: usize,
    pub topic: String,
    pub description: String,
    pub progress: u8,
    pub remarks: String,
}

/// One row per activity with its group's numeral and title, quoted where needed. A cell that
/// a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) starts with `'`, as OWASP advises against CSV injection; control
/// characters are escaped as everywhere.
pub fn csv(report: &Report, out: impl Write) -> io::Result<()> {
    csv_rows(report, out, |text| {
        let text = printable(text);
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.into_owned()
        }
    })
}

/// Like [`csv`], with every cell as the report holds it but for control characters: no
/// `'` before what a spreadsheet would read as a formula.
pub fn csv_raw(report: &Report, out: impl Write) -> io::Result<()> {
    csv_rows(report, out, |text| printable(text).into_owned())
}

fn csv_rows(report: &Report, out: impl Write, cell: impl Fn(&str) -> String) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    for (g, group) in report.groups.iter().enumerate() {
        for (a, activity) in group.activities.iter().enumerate() {
            writer
                .serialize(CsvRow {
                    group: numeral(g + 1),
                    group_title: cell(&group.title),
                    activity: a + 1,
                    topic: cell(activity.topic.as_deref().unwrap_or_default()),
                    description: cell(&activity.description),
                    progress: activity.progress.get(),
                    remarks: cell(&activity.remarks),
                })
                .map_err(io::Error::other)?;
        }
    }
    writer.flush()
}
