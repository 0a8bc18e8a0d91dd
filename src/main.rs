//! The `wgtrack` binary: parse arguments, run a command or the app, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use wgtrack::app::App;
use wgtrack::cli::{self, Cli, UsageError};
use wgtrack::store;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = cli.file.target().and_then(|mut target| {
        if let Some(open) = &cli.open {
            target = cli::Target { path: open.clone(), is_default: false };
        }
        match &cli.command {
            Some(command) => cli::run(command, &target),
            None => open_app(&target, cli.baseline.as_deref()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("wgtrack: {}", describe(&error));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Opens the interactive app on the report file.
fn open_app(target: &cli::Target, baseline: Option<&std::path::Path>) -> anyhow::Result<()> {
    let baseline =
        baseline.map(|path| store::load(path).map(|r| (path.to_path_buf(), r))).transpose()?;
    let (report, fingerprint) = target.open()?;
    let lock = store::lock::acquire(&target.path);
    let mut app = App::new(report, target.path.clone())
        .with_disk(store::Expect::Content(fingerprint))
        .with_lock(lock);
    if let Some((path, report)) = baseline {
        app = app.with_baseline(path, report);
    }
    if app.read_only().is_none() {
        match store::recovery::read(&target.path) {
            Some((file, Ok(recovered))) => app.offer_recovery(recovered, file),
            Some((file, Err(error))) => {
                eprintln!("wgtrack: ignoring a recovery file that does not read: {error}");
                let _ = file;
            }
            None => {}
        }
    }
    let keymap = wgtrack::keymap::Keymap::default();
    let theme = wgtrack::ui::theme::Theme::default();
    let app = wgtrack::tui::run(app, &keymap, &theme)?;
    if let Some(note) = app.exit_note() {
        eprintln!("wgtrack: {note}");
    }
    Ok(())
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
