//! `wgtrack migrate`: a format-1 file moved on to format 2, said first and asked, never
//! done silently; the previous file is kept as its `.bak`.

use std::io::{self, BufRead, IsTerminal, Write};

use anyhow::{Result, bail};

use super::Target;
use super::commands::{held_elsewhere, save_checked};
use crate::model::FORMAT;
use crate::store;

/// What moving a file to format 2 changes, one line each.
pub(super) fn changes(path: &std::path::Path) -> Vec<String> {
    let path = path.display();
    vec![
        format!("{path}: format 1, to be written as format {FORMAT}"),
        "  nothing in the report changes; format 2 can also hold the distribution, the \
         document's language and original language, the job number, notes on the \
         introduction's paragraphs, where a coordinator was stated, and reviewed findings"
            .to_string(),
        "  a wgtrack older than format 2 will not read the file any more".to_string(),
        format!("  the file as it is now is kept as {path}.bak"),
    ]
}

pub(super) fn migrate(target: &Target, yes: bool) -> Result<()> {
    let (mut report, fingerprint) = target.open()?;
    let path = target.path.display();
    if report.format >= FORMAT {
        eprintln!("{path}: already format {}; nothing to do", report.format);
        return Ok(());
    }
    for line in changes(&target.path) {
        eprintln!("{line}");
    }
    if !yes {
        if !io::stdin().is_terminal() {
            bail!(
                "{path}: not migrated: there is no terminal to ask on; pass --yes to move the \
                 file to format {FORMAT}"
            );
        }
        eprint!("Write {path} as format {FORMAT}? [y/N] ");
        io::stderr().flush()?;
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            eprintln!("{path}: not migrated; the file is as it was");
            return Ok(());
        }
    }
    let _lock = store::lock::acquire(&target.path, store::Clock::System).map_err(held_elsewhere)?;
    report.format = FORMAT;
    save_checked(target, &report, fingerprint, false)?;
    eprintln!("wgtrack: {path} is now format {FORMAT}; the format-1 file is {path}.bak");
    Ok(())
}
