//! Update sheets: the eleven sheets of the shipped report written, and one read back into
//! its proposals; the same for a group of a thousand activities.

use std::hint::black_box;
use std::time::Duration;

use super::{Table, plan};
use crate::common::{self, Plan, measure};
use wgtrack::i18n::Lang;
use wgtrack::import::{interpret, read::read_bytes};
use wgtrack::model::Report;
use wgtrack::sheet;

const WRITE_SHIPPED: Duration = Duration::from_millis(100);
const READ_SHIPPED: Duration = Duration::from_millis(20);
const LARGE: Duration = Duration::from_secs(1);

pub fn measure_sheets(table: &mut Table, full: bool) {
    let shipped = common::report("shipped");
    let mut state = ();
    let all = measure(
        plan(full, Plan::FAST),
        &mut state,
        |_| {},
        |_| {
            for g in 0..shipped.groups.len() {
                black_box(sheet::write_xlsx(&shipped, g, Lang::En).unwrap());
            }
        },
    );
    table.time("write the 11 update sheets (.xlsx)", "shipped", all, Some(WRITE_SHIPPED));
    read_back(table, full, &shipped, 7, "shipped", READ_SHIPPED);

    // One group of a thousand activities.
    let large = wgtrack::generate::report(1, 1000, common::SEED);
    let write = measure(
        plan(full, Plan::SLOW),
        &mut state,
        |_| {},
        |_| {
            black_box(sheet::write_xlsx(&large, 0, Lang::En).unwrap());
        },
    );
    table.time("write one update sheet (.xlsx)", "1 group × 1000", write, Some(LARGE));
    read_back(table, full, &large, 0, "1 group × 1000", LARGE);
}

/// Reading group `g`'s sheet back, with a change in every tenth row, into its proposals.
fn read_back(
    table: &mut Table,
    full: bool,
    report: &Report,
    g: usize,
    size: &str,
    budget: Duration,
) {
    let mut changed = report.clone();
    for activity in changed.groups[g].activities.iter_mut().step_by(10) {
        activity.progress = activity.progress.step(5);
        activity.remarks.push_str(" Updated.");
    }
    // A sheet written from the changed report, read against the original: its changes.
    let bytes = sheet::write_xlsx(&changed, g, Lang::En).unwrap();
    let mut state = ();
    let stats = measure(
        plan(full, Plan::FAST),
        &mut state,
        |_| {},
        |_| {
            let sheets = read_bytes(&bytes).unwrap();
            black_box(interpret(report, "sheet.xlsx", &sheets).unwrap());
        },
    );
    table.time("read an update sheet back into its proposals", size, stats, Some(budget));
}
