//! The command line: clap types and the headless commands. Uses model, validate, store,
//! export and where the configuration file is; never the interactive app, nor the ui.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::{Progress, Report, numeral, parse_group_number};
use crate::{export, store, validate};

#[derive(Debug, Parser)]
#[command(
    name = "wgtrack",
    version,
    propagate_version = true,
    about = "Track the working groups of the Statistical Conference of the Americas",
    long_about = "Track the working groups of the Statistical Conference of the Americas: \
                  their activities, progress and remarks, and the implementation report.\n\n\
                  Without a command, opens the interactive app on the report file."
)]
pub struct Cli {
    #[command(flatten)]
    pub file: FileArgs,
    /// The report file to open in the app; wins over --file and WGTRACK_FILE.
    #[arg(value_name = "FILE")]
    pub open: Option<PathBuf>,
    /// Compare with this earlier report in the app: changes since it show beside each
    /// activity.
    #[arg(long, value_name = "OLD")]
    pub baseline: Option<PathBuf>,
    /// The language of the app [default: `lang` in config.ron, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else English]. Command output stays English.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Lang] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let name = match self {
            Lang::En => "English",
            Lang::Es => "Spanish (español)",
        };
        Some(clap::builder::PossibleValue::new(self.code()).help(name))
    }
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The report file [default: `file` in config.ron, else report.ron in the platform data
    /// directory].
    #[arg(short = 'f', long = "file", global = true, env = "WGTRACK_FILE", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the shipped 2020–2021 report to the file.
    Init {
        /// Replace a file that already exists.
        #[arg(long)]
        force: bool,
    },
    /// Check the file and list every problem found.
    Validate,
    /// Print one line per group and the programme total.
    Summary,
    /// Write the report in another format.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Change an activity's progress or remarks, and save.
    Set(SetArgs),
    /// Start the next report from this one: the same groups and activities with their
    /// progress and remarks, a fresh front matter and introduction to fill in.
    NewRound {
        /// Where to write the next report.
        #[arg(short, long, value_name = "NEXT")]
        output: PathBuf,
        /// Replace NEXT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List what changed since an earlier report (OLD) in the file in use.
    Diff {
        /// The earlier report, the baseline.
        #[arg(value_name = "OLD")]
        old: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Show where the configuration file is, or print one that holds every default.
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true))]
pub struct ConfigArgs {
    /// Print a commented configuration with every default: themes, styles, every key.
    #[arg(long, group = "what")]
    pub default: bool,
    /// Print the path of the configuration file (config.ron in the platform config
    /// directory).
    #[arg(long, group = "what")]
    pub path: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A table for the terminal.
    Text,
    /// A markdown table.
    Markdown,
    /// The changes as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The whole report as the model's JSON.
    Json,
    /// One row per activity.
    Csv,
    /// The report as a document, in GitHub-flavoured Markdown.
    Markdown,
    /// The report as a document: one self-contained HTML page that prints on A4.
    Html,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("change").required(true).multiple(true))]
pub struct SetArgs {
    /// The group, as a numeral (VIII) or a number (8).
    pub group: String,
    /// The activity's number within the group, from 1.
    pub activity: usize,
    /// The new progress, a whole percentage from 0 to 100.
    #[arg(long, group = "change", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub progress: Option<u8>,
    /// The new remarks.
    #[arg(long, group = "change", conflicts_with = "remarks_file")]
    pub remarks: Option<String>,
    /// Read the new remarks from a file ("-" for standard input).
    #[arg(long, group = "change", value_name = "PATH")]
    pub remarks_file: Option<PathBuf>,
}

/// A mistake in how the command was called; exits with 2 like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The report file a command works on, and whether it is the default one.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub is_default: bool,
}

impl FileArgs {
    /// The file named, else the default report of `paths`.
    pub fn target(&self, paths: Option<&store::Paths>) -> Result<Target> {
        match &self.file {
            Some(path) => Ok(Target { path: path.clone(), is_default: false }),
            None => {
                let path = paths
                    .map(store::Paths::default_report)
                    .context("cannot find a data directory for the default report; pass --file")?;
                Ok(Target { path, is_default: true })
            }
        }
    }
}

impl Target {
    /// Loads the report. The default file is created from the shipped report the first time,
    /// and the user is told where; a file named on the command line must exist.
    pub fn load(&self) -> Result<Report> {
        Ok(self.open()?.0)
    }

    /// Like `load`, with the fingerprint of the bytes read for a later save to check.
    pub fn open(&self) -> Result<(Report, store::Fingerprint)> {
        if self.is_default && !self.path.exists() {
            write_shipped(&self.path)?;
            eprintln!("wgtrack: created {} with the 2020–2021 report", self.path.display());
        }
        Ok(store::open(&self.path)?)
    }
}

fn write_shipped(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    }
    // `init --force` has asked to replace whatever is there; otherwise there is nothing.
    store::write_atomic(path, store::SHIPPED.as_bytes(), store::Expect::Anything, true)?;
    Ok(())
}

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
        Command::Summary => {
            emit(None, |out| export::summary(&target.load()?, out).map_err(Into::into))
        }
        Command::Export { format, output } => {
            let report = target.load()?;
            emit(output.as_deref(), |out| match format {
                ExportFormat::Json => export::json(&report, out).map_err(Into::into),
                ExportFormat::Csv => export::csv(&report, out).map_err(Into::into),
                ExportFormat::Markdown => export::markdown(&report, out).map_err(Into::into),
                ExportFormat::Html => export::html(&report, out).map_err(Into::into),
            })
        }
        Command::Set(args) => set(target, args),
        Command::NewRound { output, force } => new_round(target, output, *force),
        Command::Diff { old, format } => {
            let baseline = store::load(old)?;
            let current = target.load()?;
            let comparison = crate::compare::compare(&baseline, &current);
            let changes = export::changes::Changes::of(&comparison, &current);
            emit(None, |out| match format {
                DiffFormat::Text => export::changes::text(&changes, out).map_err(Into::into),
                DiffFormat::Markdown => {
                    export::changes::markdown(&changes, out).map_err(Into::into)
                }
                DiffFormat::Json => export::changes::json(&changes, out).map_err(Into::into),
            })
        }
        Command::Config(args) => emit(None, |out| config(args, paths, default_config, out)),
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

fn new_round(target: &Target, output: &Path, force: bool) -> Result<()> {
    if output.exists() && !force {
        bail!("{}: the file exists; pass --force to replace it", output.display());
    }
    let next = crate::model::next_round(&target.load()?, &today());
    let expect = if force { store::Expect::Anything } else { store::Expect::Absent };
    store::save(output, &next, expect)?;
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
    eprintln!("{}: valid ({groups} groups, {activities} activities)", target.path.display());
    Ok(())
}

fn set(target: &Target, args: &SetArgs) -> Result<()> {
    let (mut report, fingerprint) = target.open()?;
    // One writer at a time: an open app would otherwise save over this change.
    let _lock = store::lock::acquire(&target.path)?;
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
    let remarks = match (&args.remarks, &args.remarks_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(read_remarks(path)?),
        (None, None) => None,
    };
    let Some(activity) = report.activity_mut(g, args.activity - 1) else {
        bail!("no activity {} in group {}", args.activity, numeral(g + 1));
    };
    if let Some(progress) = args.progress {
        activity.progress = Progress::new(i64::from(progress))?;
    }
    if let Some(remarks) = remarks {
        activity.remarks = remarks;
    }
    store::save(&target.path, &report, store::Expect::Content(fingerprint))?;
    eprintln!(
        "wgtrack: saved group {} activity {} to {}",
        numeral(g + 1),
        args.activity,
        target.path.display()
    );
    Ok(())
}

/// Remarks from a file or standard input; the final line break a text file ends with is
/// not part of the remarks.
fn read_remarks(path: &Path) -> Result<String> {
    let mut text = String::new();
    if path == Path::new("-") {
        io::stdin().read_to_string(&mut text).context("cannot read remarks from standard input")?;
    } else {
        text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the remarks", path.display()))?;
    }
    let trimmed = text.trim_end_matches(['\n', '\r']).len();
    text.truncate(trimmed);
    Ok(text)
}

/// Runs `write` on standard output or, atomically, on the file `output`.
fn emit(output: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
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
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            store::write_atomic(path, &bytes, store::Expect::Anything, false)?;
            eprintln!("wgtrack: wrote {}", path.display());
            Ok(())
        }
    }
}
