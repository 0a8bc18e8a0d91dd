//! What ties a sheet to its report and group (a small JSON object in the header row's hidden
//! cell), and each row to its activity (`VIII.7 3fa9c2d1`: the place it had and a
//! fingerprint of its description when the sheet was written), so rows sorted, moved or
//! reworded in the sheet still find their activity.

use serde::{Deserialize, Serialize};

use crate::model::{Group, Report, numeral, parse_group_number};

/// The sheet's tie: which report, which group, and which version of the group it was
/// written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetTie {
    /// Always "sheet 1": what this cell is, and the version of the tie format.
    pub wgtrack: String,
    pub report: String,
    pub group: String,
    pub title: String,
    /// A fingerprint of the group (every field of every activity) as written.
    pub version: String,
}

const KIND: &str = "sheet 1";

impl SheetTie {
    pub fn of(report: &Report, index: usize) -> SheetTie {
        let group = &report.groups[index];
        SheetTie {
            wgtrack: KIND.to_string(),
            report: report.symbol.clone(),
            group: numeral(index + 1),
            title: group.title.clone(),
            version: version(group),
        }
    }

    pub fn to_cell(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The tie a cell holds, if it is one.
    pub fn from_cell(text: &str) -> Option<SheetTie> {
        let text = text.trim();
        if !text.starts_with('{') {
            return None;
        }
        serde_json::from_str::<SheetTie>(text).ok().filter(|t| t.wgtrack == KIND)
    }

    /// The group's index, from its numeral.
    pub fn group_index(&self) -> Option<usize> {
        parse_group_number(&self.group).map(|n| n - 1)
    }
}

/// A fingerprint of a group as it stands: 16 hexadecimal digits.
pub fn version(group: &Group) -> String {
    let json = serde_json::to_vec(group).unwrap_or_default();
    blake3::hash(&json).to_hex()[..16].to_string()
}

/// A fingerprint of a description: 8 hexadecimal digits.
pub fn description_print(description: &str) -> String {
    blake3::hash(description.as_bytes()).to_hex()[..8].to_string()
}

/// A row's tie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowTie {
    /// A row of the table: the activity's index in its group when written, the fingerprint
    /// of its description, and which of its texts were too long to be written.
    Activity { index: usize, print: String, left_out: LeftOut },
    /// A row of the block for new activities.
    New,
}

/// The texts of a row that were too long for a cell and left out of the sheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub description: bool,
    pub remarks: bool,
}

impl RowTie {
    pub fn to_cell(&self, group: usize) -> String {
        let g = numeral(group + 1);
        match self {
            RowTie::New => format!("{g}.new"),
            RowTie::Activity { index, print, left_out } => {
                let mut cell = format!("{g}.{} {print}", index + 1);
                if left_out.description {
                    cell.push_str(" -d");
                }
                if left_out.remarks {
                    cell.push_str(" -r");
                }
                cell
            }
        }
    }

    /// The tie a cell holds, if it is one (the group's numeral is not checked here).
    pub fn from_cell(text: &str) -> Option<RowTie> {
        let mut words = text.split_whitespace();
        let place = words.next()?;
        let (group, rest) = place.split_once('.')?;
        parse_group_number(group)?;
        if rest == "new" {
            return Some(RowTie::New);
        }
        let index = rest.parse::<usize>().ok()?.checked_sub(1)?;
        let print = words.next()?;
        if print.len() != 8 || !print.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut left_out = LeftOut::default();
        for flag in words {
            match flag {
                "-d" => left_out.description = true,
                "-r" => left_out.remarks = true,
                _ => return None,
            }
        }
        Some(RowTie::Activity { index, print: print.to_string(), left_out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_read_back_as_written() {
        let report = crate::store::shipped().unwrap();
        let tie = SheetTie::of(&report, 7);
        assert_eq!(SheetTie::from_cell(&tie.to_cell()), Some(tie.clone()));
        assert_eq!(tie.group_index(), Some(7));
        assert_eq!(SheetTie::from_cell("{\"wgtrack\": 3}"), None);
        let row = RowTie::Activity {
            index: 6,
            print: description_print("Review"),
            left_out: LeftOut { description: false, remarks: true },
        };
        let cell = row.to_cell(7);
        assert!(cell.starts_with("VIII.7 ") && cell.ends_with(" -r"), "{cell}");
        assert_eq!(RowTie::from_cell(&cell), Some(row));
        assert_eq!(RowTie::from_cell("VIII.new"), Some(RowTie::New));
        assert_eq!(RowTie::from_cell("VIII.0 12345678"), None);
        assert_eq!(RowTie::from_cell("hello"), None);
    }
}
