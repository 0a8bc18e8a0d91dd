//! The `wgtrack` binary: parse arguments, run a command or the app, map errors to exit codes.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use wgtrack::app::App;
use wgtrack::cli::{self, Cli, UsageError};
use wgtrack::config::{self, Config, Problem};
use wgtrack::i18n::{Lang, fill};
use wgtrack::store;
use wgtrack::tui::Exit;

/// The app was started without a terminal to draw on: wrong usage, said as it is.
#[derive(Debug, thiserror::Error)]
#[error("wgtrack needs a terminal; use the subcommands for scripts")]
struct NoTerminal;

fn main() -> ExitCode {
    // Past `ulimit -f` a write fails and is reported, instead of the process dying mid-save.
    let _ = store::survive_file_size_limit();
    // Test builds can fail chosen steps through FAILPOINTS; in other builds this is nothing.
    let _failpoints = fail::has_failpoints().then(fail::FailScenario::setup);
    let cli = Cli::parse();
    if let Err(error) = cli.mistyped_command() {
        error.exit();
    }
    // wgtrack's own directories, from the environment once, given to all that uses them.
    let paths = store::Paths::from_env();
    // `wgtrack config` does not read the configuration: it is how a broken one gets mended.
    let (config, problems) = match &cli.command {
        Some(cli::Command::Config(_)) => (Config::default(), Vec::new()),
        _ => config::load_default(paths.as_ref()),
    };
    for problem in &problems {
        eprintln!("wgtrack: {problem}");
    }
    if let Some(fatal) = problems.iter().find(|p| p.fatal) {
        eprintln!(
            "wgtrack: {}: configuration not applied, using the defaults",
            fatal.path.display()
        );
    }
    // The configuration's file is the default; -f and WGTRACK_FILE still win.
    let target = match (&cli.file.file, &config.file) {
        (None, Some(file)) => Ok(cli::Target { path: file.clone(), is_default: false }),
        _ => cli.file.target(paths.as_ref()),
    };
    let result = target.and_then(|mut target| {
        if let Some(open) = &cli.open {
            target = cli::Target { path: open.clone(), is_default: false };
        }
        match &cli.command {
            Some(command) => cli::run(command, &target, paths.as_ref(), config::default_text)
                .map(|()| ExitCode::SUCCESS),
            None => open_app(
                &target,
                paths.as_ref(),
                cli.baseline.as_deref(),
                cli.lang,
                &config,
                problems,
            ),
        }
    });
    match result {
        Ok(code) => code,
        Err(error) if error.is::<NoTerminal>() => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
        Err(error) => {
            // Messages may quote the report's text: shown, never acted on by the terminal.
            wgtrack::tui::say(&wgtrack::printable::printable(&describe(&error)));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Opens the interactive app on the report file, speaking `lang` (`--lang`), else the
/// configuration's language, else the locale's.
fn open_app(
    target: &cli::Target,
    paths: Option<&store::Paths>,
    baseline: Option<&std::path::Path>,
    lang: Option<Lang>,
    config: &Config,
    mut problems: Vec<Problem>,
) -> anyhow::Result<ExitCode> {
    // Without a terminal to draw on, the app would run unseen or fail in the system's words.
    if !std::io::stdout().is_terminal() {
        return Err(NoTerminal.into());
    }
    let (keymap, clashes) = config.keymap();
    for clash in &clashes {
        eprintln!("wgtrack: {clash}");
    }
    problems.extend(clashes);
    let theme = config.theme(std::env::var_os("NO_COLOR").as_deref());
    let baseline =
        baseline.map(|spec| wgtrack::history::baseline(spec, &target.path)).transpose()?;
    let store::Opened { report, fingerprint, bom, conflicts } = target.open_resolving()?;
    let lock = store::lock::acquire(&target.path, store::Clock::System);
    let lang = Lang::detect(lang, config.lang, |name| std::env::var(name).ok());
    let marked = !conflicts.is_empty();
    let mut app = App::new(report, target.path.clone())
        .with_lang(lang)
        .with_conflicts(conflicts)
        .with_commit(config.commit, wgtrack::history::Git::default());
    if let Some(paths) = paths {
        let remembered = store::remembered::file_for(&paths.state, &target.path);
        app = app.with_paths(paths).with_remembered(store::remembered::read(&remembered));
    }
    if let Some((text, is_error)) = config::summary_in(&problems, lang.texts()) {
        app = app.with_message(text, is_error);
    } else if bom {
        // Said in the app, not on the terminal its screen is about to cover.
        let path = target.path.display();
        app = app.with_message(fill(lang.texts().bom_read_past, &[("path", &path)]), false);
    }
    let mut app = app.with_disk(store::Expect::Content(fingerprint)).with_lock(lock);
    if let Some((path, report)) = baseline {
        app = app.with_baseline(path, report);
    }
    let recovery_dir = paths.map(store::Paths::recovery_dir);
    // A marked file's recovery holds no markers: it is offered once the file is clean.
    if let (None, Some(dir), false) = (app.read_only(), recovery_dir, marked) {
        // Said in the app, not on the terminal its screen is about to cover.
        let latest = store::recovery::latest(&dir, &target.path);
        app = app.with_set_aside(&latest.set_aside);
        if let Some((file, recovered)) = latest.found {
            app.offer_recovery(recovered, file);
        }
    }
    let ended = wgtrack::tui::run(app, &keymap, &theme).map_err(|error| {
        // ENXIO: no controlling terminal to open.
        if error.raw_os_error() == Some(6) { anyhow::Error::new(NoTerminal) } else { error.into() }
    })?;
    if let Some(note) = ended.app.exit_note() {
        wgtrack::tui::say(note);
    }
    Ok(match ended.exit {
        Exit::Quit => ExitCode::SUCCESS,
        // As a shell reports a process a signal ended.
        Exit::Signal(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX)),
        Exit::TerminalLost(error) => {
            wgtrack::tui::say(&format!("the terminal went away: {error}"));
            ExitCode::FAILURE
        }
    })
}

/// The error and its causes, skipping a cause whose words the message above already holds.
fn describe(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}
