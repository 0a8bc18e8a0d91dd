//! The headless commands: each reads the report, does one thing, and writes a file safely
//! or prints.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::output::{self, Destination, destination};
use super::{
    Command, ConfigArgs, DiffFormat, ExportFormat, SetArgs, Target, UsageError, write_shipped,
};
use crate::model::{Progress, numeral, parse_group_number};
use crate::{export, store, validate};

/// Runs a headless command on `target`; `paths` says where wgtrack's own files are.
/// `default_config` gives the commented configuration that holds every default; it is made
/// from the app's theme and keys, which the command line leaves to its caller.
pub fn run(
    command: &Command,
    target: &Target,
    paths: Option<&store::Paths>,
    default_config: fn() -> String,
) -> Result<()> {
    match command {
        Command::Init { force } => init(target, *force),
        Command::Validate => validate_file(target),
        Command::Migrate { path, yes } => {
            let target = match path {
                Some(path) => &Target { path: path.clone(), is_default: false },
                None => target,
            };
            super::migrate::migrate(target, *yes)
        }
        Command::Summary => {
            emit(None, |out| export::summary(&target.load()?, out).map_err(Into::into))
        }
        Command::Export { format, output, force, raw } => {
            if *format == ExportFormat::Docx && output.is_none() && io::stdout().is_terminal() {
                return Err(UsageError(
                    "a .docx file is not for a terminal: name it with -o report.docx".into(),
                )
                .into());
            }
            let output = match output {
                Some(path) => Some((path.as_path(), destination(path, &target.path, *force)?)),
                None => None,
            };
            let report = target.load()?;
            emit(output, |out| match format {
                ExportFormat::Json => export::json(&report, out).map_err(Into::into),
                ExportFormat::Csv if *raw => export::csv_raw(&report, out).map_err(Into::into),
                ExportFormat::Csv => export::csv(&report, out).map_err(Into::into),
                ExportFormat::Markdown => export::markdown(&report, out).map_err(Into::into),
                ExportFormat::Html => export::html(&report, out).map_err(Into::into),
                ExportFormat::Docx => export::docx(&report, out).map_err(Into::into),
            })
        }
        Command::Set(args) => set(target, args),
        Command::NewRound { output, force, symbol, title } => {
            new_round(target, output, *force, [symbol.as_deref(), title.as_deref()])
        }
        Command::Diff { old, format } => {
            let (_, baseline) = crate::history::baseline(old, &target.path)?;
            let current = target.load()?;
            let comparison = crate::compare::compare(&baseline, &current);
            let changes = export::changes::Changes::of(&comparison, &baseline, &current);
            emit(None, |out| match format {
                DiffFormat::Text => export::changes::text(&changes, out).map_err(Into::into),
                DiffFormat::Markdown => {
                    export::changes::markdown(&changes, out).map_err(Into::into)
                }
                DiffFormat::Json => export::changes::json(&changes, out).map_err(Into::into),
            })
        }
        Command::Log { group, activity, format } => {
            emit(None, |out| super::log::log(target, group.as_deref(), *activity, *format, out))
        }
        Command::Check { baseline, format, all, review, reason } => {
            let old = baseline.as_deref().map(store::load).transpose()?;
            let review = review.as_deref().zip(reason.as_deref());
            super::check::run(target, old.as_ref(), *format, *all, review)
        }
        Command::Config(args) => emit(None, |out| config(args, paths, default_config, out)),
        Command::Sheet(args) => super::sheets::sheet(target, args),
        Command::Import(args) => super::sheets::import(target, args),
        Command::MergeDriver { ancestor, ours, theirs, name } => {
            super::git::merge_driver(ancestor, ours, theirs, name)
        }
        Command::GitSetup => super::git::git_setup(),
    }
}

/// `wgtrack config`: print where the file is, or a default configuration.
fn config(
    args: &ConfigArgs,
    paths: Option<&store::Paths>,
    default_config: fn() -> String,
    out: &mut dyn Write,
) -> Result<()> {
    if args.default {
        out.write_all(default_config().as_bytes())?;
    } else {
        let path = paths
            .map(store::Paths::config_file)
            .context("cannot find a config directory (no home directory is known)")?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

fn new_round(
    target: &Target,
    output: &Path,
    force: bool,
    [symbol, title]: [Option<&str>; 2],
) -> Result<()> {
    for (name, value) in [("--symbol", symbol), ("--title", title)] {
        if value.is_some_and(validate::is_blank) {
            return Err(UsageError(format!("{name} must not be empty")).into());
        }
    }
    let destination = destination(output, &target.path, force)?;
    let next = crate::model::next_round(&target.load()?, &today(), symbol, title);
    match destination {
        Destination::Regular(expect) => {
            store::save(output, &next, expect)?;
        }
        Destination::Special => {
            output::write(output, destination, store::to_text(&next).as_bytes())?
        }
    }
    eprintln!(
        "wgtrack: wrote {}; fill in its front matter (i in the app) and compare with this \
         round: wgtrack {} --baseline {}",
        output.display(),
        output.display(),
        target.path.display()
    );
    Ok(())
}

/// Today's date as YYYY-MM-DD (UTC).
fn today() -> String {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    now.chars().take(10).collect()
}

fn init(target: &Target, force: bool) -> Result<()> {
    // Checked before anything opens it: opening a pipe waits for the other end.
    if let Ok(meta) = std::fs::metadata(&target.path)
        && !meta.is_file()
    {
        bail!(
            "{}: is not a regular file (a directory, a pipe, a device or a socket); \
             init writes a report file",
            target.path.display()
        );
    }
    if target.path.exists() && !force {
        bail!(
            "{}: the file exists; pass --force to replace it with the shipped report",
            target.path.display()
        );
    }
    write_shipped(&target.path)?;
    eprintln!("wgtrack: wrote the 2020–2021 report to {}", target.path.display());
    Ok(())
}

fn validate_file(target: &Target) -> Result<()> {
    let report = target.load()?;
    let groups = report.groups.len();
    let activities = report.activities().count();
    // `load` has already refused every problem; this line is the all-clear.
    debug_assert!(validate::problems(&report).is_empty());
    let path = target.path.display();
    for warning in validate::warnings(&report) {
        eprintln!("{path}: warning: {warning}");
    }
    eprintln!("{path}: valid ({groups} groups, {activities} activities)");
    match report.format {
        crate::model::FORMAT => eprintln!("{path}: format {}", report.format),
        format => eprintln!(
            "{path}: format {format}; `wgtrack migrate` moves it to format {}",
            crate::model::FORMAT
        ),
    }
    Ok(())
}

fn set(target: &Target, args: &SetArgs) -> Result<()> {
    // Read before the lock is taken: a pipe or a terminal may keep us waiting.
    let remarks = match (&args.remarks, &args.remarks_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(read_remarks(path)?),
        (None, None) => None,
    };
    let (mut report, fingerprint) = target.open()?;
    // One writer at a time: an open app would otherwise save over this change.
    let _lock = store::lock::acquire(&target.path, store::Clock::System).map_err(held_elsewhere)?;
    let g =
        parse_group_number(&args.group).filter(|&n| n <= report.groups.len()).ok_or_else(|| {
            UsageError(format!(
                "no group {:?}: the report has groups I to {} (or 1 to {})",
                args.group,
                numeral(report.groups.len()),
                report.groups.len()
            ))
        })? - 1;
    let count = report.groups[g].activities.len();
    if args.activity == 0 || args.activity > count {
        return Err(UsageError(format!(
            "no activity {} in group {}: it has activities 1 to {count}",
            args.activity,
            numeral(g + 1)
        ))
        .into());
    }
    let Some(activity) = report.activity_mut(g, args.activity - 1) else {
        bail!("no activity {} in group {}", args.activity, numeral(g + 1));
    };
    if let Some(progress) = args.progress {
        activity.progress = Progress::new(i64::from(progress))?;
    }
    if let Some(remarks) = remarks {
        activity.remarks = remarks;
    }
    save_checked(target, &report, fingerprint, args.force)?;
    eprintln!(
        "wgtrack: saved group {} activity {} to {}",
        numeral(g + 1),
        args.activity,
        target.path.display()
    );
    Ok(())
}

/// Saves `report` over the file it was read from (holding `fingerprint`), asking for
/// `--force` before replacing a read-only file or a hand edit's comments and line endings.
pub(super) fn save_checked(
    target: &Target,
    report: &crate::model::Report,
    fingerprint: store::Fingerprint,
    force: bool,
) -> Result<()> {
    let consent = if force { store::Consent::ALL } else { store::Consent::default() };
    store::check_replace(&target.path, consent).map_err(|error| match &error {
        store::SaveError::Refused { caution: store::Caution::ReadOnly { .. }, .. } => {
            anyhow::anyhow!("{error}; pass --force to save anyway (the file keeps its mode)")
        }
        _ => anyhow::anyhow!("{error}; pass --force to save anyway"),
    })?;
    store::save(&target.path, report, store::Expect::Content(fingerprint))?;
    Ok(())
}

/// A lock held on another host (a shared disk) cannot be checked from here: say how to
/// take it back once its holder is known to be gone.
pub(super) fn held_elsewhere(error: store::lock::LockError) -> anyhow::Error {
    match &error {
        store::lock::LockError::Held { path, holder }
            if holder.host != store::lock::host_name() =>
        {
            anyhow::anyhow!(
                "{error}\nwgtrack cannot tell from here whether it still runs on {}; once you \
                 are sure no wgtrack runs there, remove the lock: rm {}",
                holder.host,
                path.display()
            )
        }
        _ => error.into(),
    }
}

/// Remarks from a file or standard input; the final line break a text file ends with is
/// not part of the remarks.
fn read_remarks(path: &Path) -> Result<String> {
    let mut text = String::new();
    if path == Path::new("-") {
        if io::stdin().is_terminal() {
            eprintln!("wgtrack: reading the remarks from standard input; end them with Ctrl-D");
        }
        io::stdin().read_to_string(&mut text).context("cannot read remarks from standard input")?;
    } else {
        text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the remarks", path.display()))?;
    }
    let trimmed = text.trim_end_matches(['\n', '\r']).len();
    text.truncate(trimmed);
    Ok(text)
}

/// Runs `write` on standard output or on the file `output`, as its destination says.
fn emit(
    output: Option<(&Path, Destination)>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let result = write(&mut out).and_then(|()| out.flush().map_err(Into::into));
            match result {
                // A reader that stops early (`| head`) is not a failure.
                Err(e)
                    if e.downcast_ref::<io::Error>()
                        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
                {
                    Ok(())
                }
                other => other,
            }
        }
        Some((path, destination)) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            output::write(path, destination, &bytes)?;
            eprintln!("wgtrack: wrote {}", path.display());
            Ok(())
        }
    }
}
