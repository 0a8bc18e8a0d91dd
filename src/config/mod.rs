//! The configuration file, `config.ron` in the platform config directory
//! (`$XDG_CONFIG_HOME/wgtrack/config.ron` on Linux): the theme and changes to its styles,
//! keys for any action in any context, the report opened by default, the language, and
//! when the app commits the report to git.
//!
//! Every field may be left out. A file that does not parse, or names an action, a key, a
//! context, a style, a colour or a theme that does not exist, is set aside as a whole: each
//! problem is reported as `file:line:column` and wgtrack runs with the defaults. Two actions
//! on one key are reported too, but the configuration applies: the key goes to the binding
//! written first, or to the configuration rather than the default.
//!
//! This file holds the configuration and its problems; reading and checking the file, the
//! styles, the keys and the commented default text each have a file.

mod default_text;
mod keys;
mod load;
mod spans;
mod style;

use std::ffi::OsStr;
use std::fmt;
use std::path::PathBuf;

pub use crate::app::CommitWhen;
use crate::keymap::Rebinding;

pub use default_text::default_text;
pub use load::{load, load_default, parse};
pub use style::{StyleOverride, colour_name, style_text};

/// Whether `NO_COLOR` (its value passed in) asks for no colour: set and not empty.
pub fn no_color(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// The language of the app (its code is what the configuration file writes).
pub use crate::i18n::Lang;
use crate::i18n::{Texts, fill};

/// Where a key of a rebinding was written, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spot {
    line: usize,
    column: usize,
    text: String,
}

/// The configuration, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub source: Option<PathBuf>,
    /// One of [`Theme::NAMES`](crate::ui::theme::Theme::NAMES).
    pub theme: String,
    pub styles: Vec<StyleOverride>,
    /// Keys for actions, in the order written.
    pub keys: Vec<Rebinding>,
    /// Where each key of each rebinding was written.
    spots: Vec<Vec<Spot>>,
    /// The report to open when neither `-f` nor `WGTRACK_FILE` names one.
    pub file: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// When the app commits the report to git.
    pub commit: CommitWhen,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            source: None,
            theme: "default".to_string(),
            styles: Vec::new(),
            keys: Vec::new(),
            spots: Vec::new(),
            file: None,
            lang: None,
            commit: CommitWhen::Never,
        }
    }
}

/// Something wrong in the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// The 1-based line and column, where the problem has a place in the text.
    pub at: Option<(usize, usize)>,
    pub message: String,
    /// Whether the configuration was set aside for it (else only a binding gave way).
    pub fatal: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Problem {
    /// The problem with only the file's name, for the app's footer.
    pub fn short(&self) -> String {
        let name = self.path.file_name().map_or(self.path.clone(), PathBuf::from);
        Problem { path: name, ..self.clone() }.to_string()
    }
}

/// What to tell the user in the app about the configuration's problems, if any: the first
/// one, and how many more there are; and whether it is an error.
pub fn summary(problems: &[Problem]) -> Option<(String, bool)> {
    summary_in(problems, Lang::En.texts())
}

/// `summary` in the language of `texts`; the problem itself stays English, as on the
/// terminal.
pub fn summary_in(problems: &[Problem], texts: &Texts) -> Option<(String, bool)> {
    let first = problems.first()?;
    let fatal = problems.iter().any(|p| p.fatal);
    let mut text = first.short();
    if problems.len() > 1 {
        text.push_str(&fill(texts.config_more_problems, &[("count", &(problems.len() - 1))]));
    }
    if fatal {
        text.push_str(texts.config_not_applied);
    }
    Some((text, fatal))
}
