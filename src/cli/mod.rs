//! The command line: the clap types and the report file a command works on; the commands
//! themselves are in `commands`. Uses model, validate, store, export and where the
//! configuration file is; never the interactive app, nor the ui.

mod check;
mod commands;
mod git;
mod log;
mod migrate;
mod output;
mod sheets;

pub use commands::run;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::Report;
use crate::store;

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
    /// activity. A file, or where the report is in a git work tree, a revision (HEAD~1, a
    /// tag, @{2021-01-01}).
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
    /// Check the file and list every problem found; say which format it is.
    Validate,
    /// Move a format-1 file on to format 2: says what changes and asks (unless --yes);
    /// the format-1 file is kept as FILE.bak.
    Migrate {
        /// The report file [default: --file, else the default report].
        #[arg(value_name = "FILE")]
        path: Option<PathBuf>,
        /// Do not ask; needed where there is no terminal to ask on.
        #[arg(long)]
        yes: bool,
    },
    /// Print one line per group and the programme total.
    Summary,
    /// Write the report in another format.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// CSV: write cells as the report holds them, without the `'` put before what a
        /// spreadsheet would run as a formula (=, +, -, @).
        #[arg(long)]
        raw: bool,
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
        /// The next report's symbol (otherwise this one's, marked as to be assigned).
        #[arg(long)]
        symbol: Option<String>,
        /// The next report's title (otherwise this one's, marked as to be set).
        #[arg(long)]
        title: Option<String>,
    },
    /// List what changed since an earlier report (OLD) in the file in use.
    Diff {
        /// The earlier report, the baseline: a file, or where the file in use is in a git
        /// work tree, a revision (HEAD~1, a tag such as round-1, a date @{2021-01-01}).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Print the history of the report, a group or an activity through the commits of the
    /// file's git repository, newest first, uncommitted changes on top.
    Log {
        /// The group, as a numeral (VIII) or a number (8); without it, the programme.
        group: Option<String>,
        /// The activity's number within the group, from 1; without it, the group.
        activity: Option<usize>,
        #[arg(long, value_enum, default_value_t = LogFormat::Text)]
        format: LogFormat,
    },
    /// Look for what a reader would stumble on before the report is published: progress
    /// that fell or remarks that did not follow it (with --baseline), remarks that
    /// contradict the progress, the previous round's front matter, duplicates, doubled
    /// spaces, unpaired marks, bad web addresses, text in the other language. Exits with 1
    /// when a finding is an error.
    Check {
        /// Compare with this earlier report (the previous round) too.
        #[arg(long, value_name = "OLD")]
        baseline: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Show the findings marked reviewed too, each with its reason.
        #[arg(long)]
        all: bool,
        /// Mark the finding of RULE at PLACE (as check prints them: `remarks-contradict`
        /// `X.2`) reviewed, with --reason, and save (format 2 files only).
        #[arg(long, num_args = 2, value_names = ["RULE", "PLACE"], requires = "reason")]
        review: Option<Vec<String>>,
        /// Why the finding may stand, stored with it.
        #[arg(long, value_name = "TEXT", requires = "review")]
        reason: Option<String>,
    },
    /// Show where the configuration file is, or print one that holds every default.
    Config(ConfigArgs),
    /// Write an update sheet for each group (or those named), for its coordinating
    /// country to fill in: VIII-administrative-records.xlsx.
    Sheet(SheetArgs),
    /// List what returned update sheets propose, and apply it with --apply.
    Import(ImportArgs),
    /// The merge driver git runs for report files (`git-setup` tells git to): merges the
    /// three versions field by field into OURS; exits 1 when conflicts are marked in it.
    MergeDriver {
        /// The common ancestor's version (git's %O).
        ancestor: PathBuf,
        /// Our version, replaced by the merge (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The file's name in the repository, for messages (git's %P).
        #[arg(default_value = "report")]
        name: String,
    },
    /// Sets up the git repository of the working directory to merge report files with
    /// wgtrack: the `.gitattributes` line, the driver in the repository's configuration,
    /// and `.gitignore` lines for the backup, lock and temporary files. Safe to run again.
    GitSetup,
}

#[derive(Debug, Args)]
pub struct SheetArgs {
    /// The groups, as numerals (VIII) or numbers (8) [default: every group].
    #[arg(value_name = "GROUP")]
    pub groups: Vec<String>,
    /// The directory to write the sheets in [default: the current one].
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The language of the sheets' titles and instructions.
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: Lang,
    #[arg(long, value_enum, default_value_t = SheetFormat::Xlsx)]
    pub format: SheetFormat,
    /// Replace sheets that exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// A spreadsheet (Excel, LibreOffice Calc): validated, protected, ready to print.
    Xlsx,
    /// Comma-separated values, for those without a spreadsheet program.
    Csv,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The returned sheets: .xlsx, .xls, .ods or .csv.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Apply every change proposed, and save the report.
    #[arg(long)]
    pub apply: bool,
    /// With --apply: save even if the report file is read-only, or has comments or Windows
    /// line endings.
    #[arg(long, requires = "apply")]
    pub force: bool,
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
pub enum LogFormat {
    /// One line per version for the terminal, with a sparkline of the progress.
    Text,
    /// The versions as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding: place, level, what, rule, field path.
    Text,
    /// The findings as a JSON array.
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
    /// The report as a Word document (.docx) with named styles, for A4; needs -o.
    Docx,
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
    /// Save even if the file is read-only (the new file keeps its mode), or has comments or
    /// Windows line endings, which a save in wgtrack's layout does not keep.
    #[arg(long)]
    pub force: bool,
}

impl Cli {
    /// A FILE that is surely a mistyped command (`wgtrack valdate`) as clap's error for an
    /// unknown command, with its "did you mean": a bare word, without `.ron` or a path
    /// separator, close to a command's name, that names no file.
    pub fn mistyped_command(&self) -> Result<(), clap::Error> {
        use clap::CommandFactory;
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let Some(word) = self.open.as_deref().filter(|_| self.command.is_none()) else {
            return Ok(());
        };
        let Some(text) = word.to_str() else { return Ok(()) };
        if text.contains(['.', '/', std::path::MAIN_SEPARATOR]) || word.exists() {
            return Ok(());
        }
        let mut command = Cli::command();
        let closest = command
            .get_subcommands()
            .map(|c| (strsim::jaro(text, c.get_name()), c.get_name().to_string()))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, name)) = closest else { return Ok(()) };
        let usage = command.render_usage();
        let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&command);
        error.insert(ContextKind::InvalidSubcommand, ContextValue::String(text.to_string()));
        error.insert(ContextKind::SuggestedSubcommand, ContextValue::String(name));
        error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        Err(error)
    }
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

    /// Like `load`, with the fingerprint of the bytes read for a later save to check; a
    /// byte order mark read past is said on standard error.
    pub fn open(&self) -> Result<(Report, store::Fingerprint)> {
        let (report, fingerprint, bom) = self.open_noting_bom()?;
        if bom {
            eprintln!(
                "wgtrack: warning: {} starts with a byte order mark (BOM); it was read past, \
                 and a save writes the file without it",
                self.path.display()
            );
        }
        Ok((report, fingerprint))
    }

    /// Like `open`, and whether the file starts with a byte order mark, for the app to say.
    pub fn open_noting_bom(&self) -> Result<(Report, store::Fingerprint, bool)> {
        self.create_default()?;
        Ok(store::open_noting_bom(&self.path)?)
    }

    /// The file as the app opens it: a file marked with conflicts too, to resolve them.
    pub fn open_resolving(&self) -> Result<store::Opened> {
        self.create_default()?;
        Ok(store::open_resolving(&self.path)?)
    }

    /// Writes the shipped report to the default file when there is none yet.
    fn create_default(&self) -> Result<()> {
        if self.is_default && !self.path.exists() {
            write_shipped(&self.path)?;
            eprintln!("wgtrack: created {} with the 2020–2021 report", self.path.display());
        }
        Ok(())
    }
}

/// Writes the shipped report to `path`, making its directory.
fn write_shipped(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    }
    // `init --force` has asked to replace whatever is there; otherwise there is nothing.
    store::write_atomic(path, store::SHIPPED.as_bytes(), store::Expect::Anything, true)?;
    Ok(())
}
