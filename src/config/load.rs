//! Reading the configuration file: parsing it and checking what it says, each problem at its
//! place in the text.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::Deserialize;

use super::spans::{self, Kind, Node};
use super::{CommitWhen, Config, Lang, Problem, Spot, StyleOverride};
use crate::action::Action;
use crate::keymap::{Context, Key, Rebinding};
use crate::store::Paths;
use crate::store::line_column;
use crate::ui::theme::Theme;

/// Reads the configuration in the config directory of `paths`; none there gives the
/// defaults.
pub fn load_default(paths: Option<&Paths>) -> (Config, Vec<Problem>) {
    match paths {
        Some(paths) => load(&paths.config_file()),
        None => (Config::default(), Vec::new()),
    }
}

/// Reads the configuration at `path`. No file gives the defaults; so does a file with a
/// mistake, with the problems found.
pub fn load(path: &Path) -> (Config, Vec<Problem>) {
    let fail = |message: String, at| {
        let problem = Problem { path: path.to_path_buf(), at, message, fatal: true };
        (Config::default(), vec![problem])
    };
    if path.is_dir() {
        return fail("is a directory, not a configuration file".to_string(), None);
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), Vec::new());
        }
        Err(e) => return fail(format!("cannot read the configuration: {e}"), None),
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => parse(path, text),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            fail("the file is not UTF-8 text".to_string(), Some(line_column(good, good.len())))
        }
    }
}

/// The configuration file as written; every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Config", deny_unknown_fields, default)]
struct Written {
    theme: Option<String>,
    styles: Ordered<WrittenStyle>,
    keys: Ordered<Ordered<Vec<String>>>,
    file: Option<String>,
    lang: Option<String>,
    commit: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Style", deny_unknown_fields, default)]
struct WrittenStyle {
    fg: Option<String>,
    bg: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
    reversed: Option<bool>,
}

/// A map with string keys, in the order written (duplicates kept, to be reported).
#[derive(Debug)]
struct Ordered<V>(Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map such as { \"name\": … }")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// Parses configuration text; `path` names the file in problems. A fatal problem gives the
/// defaults; the problems that are not fatal come with the configuration.
pub fn parse(path: &Path, text: &str) -> (Config, Vec<Problem>) {
    if spans::is_blank(text) {
        return (Config { source: Some(path.to_path_buf()), ..Config::default() }, Vec::new());
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let written: Written = match options.from_str(text) {
        Ok(written) => written,
        Err(error) => {
            let problem = Problem {
                path: path.to_path_buf(),
                at: Some((error.span.start.line, error.span.start.col)),
                message: error.code.to_string(),
                fatal: true,
            };
            return (Config::default(), vec![problem]);
        }
    };
    let mut check = Checker { path, text, root: spans::parse(text), problems: Vec::new() };
    let config = check.config(written);
    if check.problems.iter().any(|p| p.fatal) {
        return (Config::default(), check.problems);
    }
    (config, check.problems)
}

/// Turns what was written into a configuration, noting every problem with its place.
struct Checker<'a> {
    path: &'a Path,
    text: &'a str,
    root: Option<Node>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&self, node: Option<&Node>) -> (usize, usize) {
        node.map_or((1, 1), |n| line_column(self.text, n.at))
    }

    fn report(&mut self, node: Option<&Node>, message: String, fatal: bool) {
        let at = Some(self.at(node));
        self.problems.push(Problem { path: self.path.to_path_buf(), at, message, fatal });
    }

    fn config(&mut self, written: Written) -> Config {
        let root = self.root.clone();
        let root = root.as_ref();
        let field = |name: &str| root.and_then(|r| r.field(name));
        let mut config = Config { source: Some(self.path.to_path_buf()), ..Config::default() };
        if let Some(theme) = written.theme {
            if Theme::NAMES.contains(&theme.as_str()) {
                config.theme = theme;
            } else {
                let node = field("theme").map(Node::unwrap_some);
                let message =
                    unknown("theme", &theme, Theme::NAMES.iter().copied(), "the themes are");
                self.report(node, message, true);
            }
        }
        let styles_node = field("styles");
        for (i, (name, written)) in written.styles.0.into_iter().enumerate() {
            let entry = styles_node.and_then(|n| n.entry(i, &name));
            if let Some(style) = self.style(&name, written, entry) {
                if config.styles.iter().any(|s| s.name == style.name) {
                    let message = format!("style {name:?} is given twice; the first is used");
                    self.report(entry.map(|(k, _)| k), message, false);
                } else {
                    config.styles.push(style);
                }
            }
        }
        let keys_node = field("keys");
        for (c, (context_name, actions)) in written.keys.0.into_iter().enumerate() {
            let entry = keys_node.and_then(|n| n.entry(c, &context_name));
            let Some(context) = Context::from_name(&context_name) else {
                let names = Context::all().map(Context::name);
                let message =
                    unknown("context", &context_name, names.into_iter(), "the contexts are");
                self.report(entry.map(|(k, _)| k), message, true);
                continue;
            };
            for (a, (action_name, keys)) in actions.0.into_iter().enumerate() {
                let entry = entry.and_then(|(_, v)| v.entry(a, &action_name));
                let Some(action) = Action::from_name(&action_name) else {
                    let names = Action::bindable().filter_map(|a| a.name());
                    let message = unknown(
                        "action",
                        &action_name,
                        names,
                        "see wgtrack config --default for every one",
                    );
                    self.report(entry.map(|(k, _)| k), message, true);
                    continue;
                };
                if config.keys.iter().any(|r| r.context == context && r.action == action) {
                    let message = format!(
                        "{action_name} is given keys twice in {context_name}; the first list is used"
                    );
                    self.report(entry.map(|(k, _)| k), message, false);
                    continue;
                }
                let items = entry.map_or(&[][..], |(_, v)| v.items());
                let mut rebinding = Rebinding { context, action, keys: Vec::new() };
                let mut spots = Vec::new();
                for (k, text) in keys.into_iter().enumerate() {
                    let node = items
                        .get(k)
                        .filter(|n| matches!(&n.kind, Kind::Str(s) if *s == text))
                        .or(entry.map(|(k, _)| k));
                    match Key::parse(&text) {
                        Ok(key) => {
                            let (line, column) = self.at(node);
                            rebinding.keys.push(key);
                            spots.push(Spot { line, column, text });
                        }
                        Err(why) => {
                            let message = format!("key {text:?} for {action_name}: {why}");
                            self.report(node, message, true);
                        }
                    }
                }
                config.keys.push(rebinding);
                config.spots.push(spots);
            }
        }
        if let Some(file) = written.file {
            let node = field("file").map(Node::unwrap_some);
            if file.trim().is_empty() {
                self.report(node, "file must name a report file, not be empty".into(), true);
            } else {
                config.file = Some(self.resolve(&file));
            }
        }
        if let Some(lang) = written.lang {
            match Lang::ALL.into_iter().find(|l| l.code() == lang) {
                Some(found) => config.lang = Some(found),
                None => {
                    let node = field("lang").map(Node::unwrap_some);
                    let codes = Lang::ALL.map(Lang::code);
                    let message =
                        unknown("language", &lang, codes.into_iter(), "the languages are");
                    self.report(node, message, true);
                }
            }
        }
        if let Some(commit) = written.commit {
            match CommitWhen::ALL.into_iter().find(|w| w.name() == commit) {
                Some(found) => config.commit = found,
                None => {
                    let node = field("commit").map(Node::unwrap_some);
                    let names = CommitWhen::ALL.map(CommitWhen::name);
                    let message =
                        unknown("commit setting", &commit, names.into_iter(), "it is one of");
                    self.report(node, message, true);
                }
            }
        }
        config
    }

    fn style(
        &mut self,
        name: &str,
        written: WrittenStyle,
        entry: Option<&(Node, Node)>,
    ) -> Option<StyleOverride> {
        let theme = Theme::default();
        let Some((name, _)) = theme.styles().into_iter().find(|(n, _)| *n == name) else {
            let names = theme.styles().map(|(n, _)| n);
            let message = unknown("style", name, names.into_iter(), "the styles are");
            self.report(entry.map(|(k, _)| k), message, true);
            return None;
        };
        let mut colour = |field: &str, value: Option<String>| -> Option<Option<Color>> {
            let Some(value) = value else {
                return Some(None);
            };
            match Color::from_str(&value) {
                Ok(colour) => Some(Some(colour)),
                Err(_) => {
                    let node = entry.and_then(|(_, v)| v.field(field)).map(Node::unwrap_some);
                    let message = format!(
                        "{field} of {name}: unknown colour {value:?} (write a name such as \
                         \"cyan\" or \"dark gray\", \"reset\", \"#rrggbb\", or a number 0–255)"
                    );
                    self.report(node.or(entry.map(|(k, _)| k)), message, true);
                    None
                }
            }
        };
        let fg = colour("fg", written.fg);
        let bg = colour("bg", written.bg);
        Some(StyleOverride {
            name,
            fg: fg?,
            bg: bg?,
            bold: written.bold,
            italic: written.italic,
            underline: written.underline,
            reversed: written.reversed,
        })
    }

    /// A file named in the configuration: `~/` is the home directory, and a relative path
    /// starts in the configuration's directory.
    fn resolve(&self, file: &str) -> PathBuf {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        if let (Some(rest), Some(home)) = (file.strip_prefix("~/"), home) {
            return home.join(rest);
        }
        let path = PathBuf::from(file);
        match self.path.parent() {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path,
        }
    }
}

/// "unknown action "edit_progres" (did you mean edit_progress?)".
fn unknown<'n>(
    what: &str,
    found: &str,
    names: impl Iterator<Item = &'n str>,
    list: &str,
) -> String {
    let names: Vec<&str> = names.collect();
    let best = names
        .iter()
        .map(|n| (strsim::normalized_levenshtein(found, n), *n))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, name)) => format!("unknown {what} {found:?} (did you mean {name:?}?)"),
        None if list.starts_with("see") => format!("unknown {what} {found:?} ({list})"),
        None => format!("unknown {what} {found:?}; {list} {}", names.join(", ")),
    }
}
