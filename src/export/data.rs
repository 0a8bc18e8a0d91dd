//! Machine-readable exports: the whole report as JSON, one CSV row per activity.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::model::{Report, numeral};

/// The report as serde writes the model, pretty-printed; scripts rely on this shape.
pub fn json(report: &Report, out: impl Write) -> io::Result<()> {
    let mut out = out;
    serde_json::to_writer_pretty(&mut out, report).map_err(io::Error::other)?;
    writeln!(out)
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

/// One row per activity with its group's numeral and title, quoted where needed.
pub fn csv(report: &Report, out: impl Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    for (g, group) in report.groups.iter().enumerate() {
        for (a, activity) in group.activities.iter().enumerate() {
            writer
                .serialize(CsvRow {
                    group: numeral(g + 1),
                    group_title: group.title.clone(),
                    activity: a + 1,
                    topic: activity.topic.clone().unwrap_or_default(),
                    description: activity.description.clone(),
                    progress: activity.progress.get(),
                    remarks: activity.remarks.clone(),
                })
                .map_err(io::Error::other)?;
        }
    }
    writer.flush()
}
