//! The `wgtrack` binary: parse arguments, run a command or the app, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use wgtrack::cli::{self, Cli, UsageError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = cli.file.target().and_then(|mut target| {
        if let Some(open) = &cli.open {
            target = cli::Target {
                path: open.clone(),
                is_default: false,
            };
        }
        match &cli.command {
            Some(command) => cli::run(command, &target),
            None => open_app(&target),
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
fn open_app(target: &cli::Target) -> anyhow::Result<()> {
    let report = target.load()?;
    let app = wgtrack::app::App::new(report, target.path.clone());
    let keymap = wgtrack::keymap::Keymap::default();
    let theme = wgtrack::ui::theme::Theme::default();
    wgtrack::tui::run(app, &keymap, &theme)?;
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
