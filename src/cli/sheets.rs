//! `wgtrack sheet` writes the groups' update sheets; `wgtrack import` lists what returned
//! sheets propose and, with `--apply`, applies it and saves as `set` does.

use std::path::Path;

use anyhow::{Context, Result};

use super::commands::{held_elsewhere, save_checked};
use super::output::{self, destination};
use super::{ImportArgs, SheetArgs, SheetFormat, Target, UsageError};
use crate::import::{self, describe};
use crate::model::{Report, numeral, parse_group_number};
use crate::printable::printable;
use crate::{sheet, store};

pub(super) fn sheet(target: &Target, args: &SheetArgs) -> Result<()> {
    let report = target.load()?;
    let groups = chosen_groups(&report, &args.groups)?;
    let dir = args.output.as_deref().unwrap_or(Path::new("."));
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    }
    for g in groups {
        let extension = match args.format {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
        };
        let path = dir.join(format!("{}.{extension}", sheet::file_stem(&report.groups[g], g)));
        let destination = destination(&path, &target.path, args.force)?;
        let bytes = match args.format {
            SheetFormat::Xlsx => sheet::write_xlsx(&report, g, args.lang)
                .with_context(|| format!("{}: cannot make the sheet", path.display()))?,
            SheetFormat::Csv => {
                let mut bytes = Vec::new();
                sheet::write_csv(&report, g, args.lang, &mut bytes)?;
                bytes
            }
        };
        output::write(&path, destination, &bytes)?;
        eprintln!("wgtrack: wrote {}", path.display());
    }
    Ok(())
}

/// The groups named (numerals or numbers), in the order given; every group when none is.
fn chosen_groups(report: &Report, named: &[String]) -> Result<Vec<usize>> {
    if named.is_empty() {
        return Ok((0..report.groups.len()).collect());
    }
    let count = report.groups.len();
    let mut chosen: Vec<usize> = Vec::new();
    for name in named {
        let g = parse_group_number(name).filter(|&n| n >= 1 && n <= count).ok_or_else(|| {
            UsageError(format!(
                "no group {name:?}: the report has groups I to {} (or 1 to {count})",
                numeral(count)
            ))
        })? - 1;
        // A group named twice (VIII and 8) is written once.
        if !chosen.contains(&g) {
            chosen.push(g);
        }
    }
    Ok(chosen)
}

pub(super) fn import(target: &Target, args: &ImportArgs) -> Result<()> {
    let (mut report, fingerprint) = target.open()?;
    // One writer at a time, and taken before reading: what is listed is what is applied.
    let _lock = if args.apply {
        Some(store::lock::acquire(&target.path, store::Clock::System).map_err(held_elsewhere)?)
    } else {
        None
    };
    let mut applied = 0;
    let mut failed = Vec::new();
    for path in &args.files {
        // Each file against the report as the files before it left it: the same sheet
        // given twice proposes nothing the second time.
        let found = match import::import_file(&report, path) {
            Ok(found) => found,
            Err(error) => {
                eprintln!("wgtrack: {}", printable(&error.to_string()));
                failed.push(path.display().to_string());
                continue;
            }
        };
        let group = &report.groups[found.group];
        let from = found.country.as_deref().map(|c| format!(", from {c}")).unwrap_or_default();
        // What the file says (its ties, its cells) may hold anything: escaped for a terminal.
        let heading =
            format!("{}: group {} ({}){from}", found.file, numeral(found.group + 1), group.topic);
        println!("{}", printable(&heading));
        for note in &found.notes {
            println!("  note: {}", printable(note));
        }
        if found.proposals.is_empty() {
            println!("  no changes");
        }
        for proposal in &found.proposals {
            println!("  {}", describe(proposal));
        }
        for refusal in &found.refusals {
            eprintln!("wgtrack: {}", printable(&refusal.to_string()));
        }
        if args.apply {
            applied += import::apply(&mut report, &found.proposals);
        }
    }
    if args.apply && applied > 0 {
        save_checked(target, &report, fingerprint, args.force)?;
        eprintln!("wgtrack: applied {applied} changes and saved {}", target.path.display());
    } else if args.apply {
        eprintln!("wgtrack: nothing to apply; {} is unchanged", target.path.display());
    }
    if !failed.is_empty() {
        anyhow::bail!("could not read {}", failed.join(", "));
    }
    Ok(())
}
