//! The configuration file, `config.ron` in the platform config directory
//! (`$XDG_CONFIG_HOME/wgtrack/config.ron` on Linux): the theme and changes to its styles,
//! keys for any action in any context, the report opened by default, and the language.
//!
//! Every field may be left out. A file that does not parse, or names an action, a key, a
//! context, a style, a colour or a theme that does not exist, is set aside as a whole: each
//! problem is reported as `file:line:column` and wgtrack runs with the defaults. Two actions
//! on one key are reported too, but the configuration applies: the key goes to the binding
//! written first, or to the configuration rather than the default.

mod spans;

use std::ffi::OsStr;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::action::Action;
use crate::keymap::{self, Claim, Clash, Context, Key, Keymap, Origin, Rebinding};
use crate::store::line_column;
use crate::ui::theme::{Theme, without_color};
use spans::{Kind, Node};

/// The file name of the configuration inside the config directory.
pub const FILE_NAME: &str = "config.ron";

/// Where the configuration file is: `config.ron` in the platform config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "wgtrack").map(|dirs| dirs.config_dir().join(FILE_NAME))
}

/// Whether `NO_COLOR` (its value passed in) asks for no colour: set and not empty.
pub fn no_color(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// The language of the app (its code is what the configuration file writes).
pub use crate::i18n::Lang;
use crate::i18n::{Texts, fill};

/// A change to one style of the theme: what is given replaces the theme's, the rest stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleOverride {
    /// The style's name, a field of [`Theme`].
    pub name: &'static str,
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reversed: Option<bool>,
}

impl StyleOverride {
    /// `style` with this change.
    pub fn apply(&self, mut style: Style) -> Style {
        if let Some(fg) = self.fg {
            style.fg = Some(fg);
        }
        if let Some(bg) = self.bg {
            style.bg = Some(bg);
        }
        for (set, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            match set {
                Some(true) => style = style.add_modifier(modifier),
                // Not added by this style; what it is drawn over may still have it.
                Some(false) => style.add_modifier.remove(modifier),
                None => {}
            }
        }
        style
    }
}

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
    /// One of [`Theme::NAMES`].
    pub theme: String,
    pub styles: Vec<StyleOverride>,
    /// Keys for actions, in the order written.
    pub keys: Vec<Rebinding>,
    /// Where each key of each rebinding was written.
    spots: Vec<Vec<Spot>>,
    /// The report to open when neither `-f` nor `WGTRACK_FILE` names one.
    pub file: Option<PathBuf>,
    pub lang: Option<Lang>,
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

/// Reads the configuration at the default path; none there gives the defaults.
pub fn load_default() -> (Config, Vec<Problem>) {
    match default_path() {
        Some(path) => load(&path),
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
                let names = Context::ALL.map(Context::name);
                let message =
                    unknown("context", &context_name, names.into_iter(), "the contexts are");
                self.report(entry.map(|(k, _)| k), message, true);
                continue;
            };
            for (a, (action_name, keys)) in actions.0.into_iter().enumerate() {
                let entry = entry.and_then(|(_, v)| v.entry(a, &action_name));
                let Some(action) = Action::from_name(&action_name) else {
                    let names = Action::BINDABLE.iter().filter_map(Action::name);
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

impl Config {
    /// The theme: the named one with the style changes, or no colour at all when `NO_COLOR`
    /// (its value passed in) asks for it, whatever the configuration says (the changes then
    /// keep only their modifiers).
    pub fn theme(&self, no_color_env: Option<&OsStr>) -> Theme {
        let plain = no_color(no_color_env);
        let mut theme =
            if plain { Theme::no_color() } else { Theme::named(&self.theme).unwrap_or_default() };
        for change in &self.styles {
            if let Some(style) = theme.style_mut(change.name) {
                *style = change.apply(*style);
                if plain {
                    *style = without_color(*style);
                }
            }
        }
        theme
    }

    /// The default keymap with the configuration's keys, and a problem for each clash.
    pub fn keymap(&self) -> (Keymap, Vec<Problem>) {
        let (keymap, clashes) = Keymap::default().with_rebindings(&self.keys);
        let problems = clashes.iter().map(|clash| self.clash(clash, &keymap)).collect();
        (keymap, problems)
    }

    fn spot(&self, origin: Origin) -> Option<&Spot> {
        match origin {
            Origin::Default => None,
            Origin::Rebinding { rebinding, key } => self.spots.get(rebinding)?.get(key),
        }
    }

    /// Says which binding got the key, at the place of the one written last.
    fn clash(&self, clash: &Clash, keymap: &Keymap) -> Problem {
        let order = |claim: &Claim| match claim.origin {
            Origin::Default => None,
            Origin::Rebinding { rebinding, key } => Some((rebinding, key)),
        };
        let kept_is_trigger = order(&clash.kept) > order(&clash.lost);
        let (trigger, other) =
            if kept_is_trigger { (&clash.kept, &clash.lost) } else { (&clash.lost, &clash.kept) };
        let spot = self.spot(trigger.origin);
        let name = |claim: &Claim| claim.action.name().unwrap_or("?").to_string();
        let describe = |claim: &Claim, is_trigger: bool| {
            let mut notes = Vec::new();
            if claim.context != clash.context {
                notes.push(format!("in {}", claim.context.name()));
            }
            match claim.origin {
                Origin::Default => notes.push("by default".to_string()),
                origin if !is_trigger => {
                    if let Some(spot) = self.spot(origin) {
                        notes.push(format!("line {}", spot.line));
                    }
                }
                _ => {}
            }
            if notes.is_empty() {
                name(claim)
            } else {
                format!("{} ({})", name(claim), notes.join(", "))
            }
        };
        let key = spot.map_or_else(|| clash.key.name(), |s| s.text.clone());
        let context = clash.context.name();
        let (kept, lost) = (name(&clash.kept), name(&clash.lost));
        let outcome = match (kept_is_trigger, clash.removed) {
            (false, true) => format!("it stays {kept}; this binding is ignored"),
            (false, false) => {
                format!(
                    "in {context} it stays {kept}; {lost} works where {context} does not hide it"
                )
            }
            (true, true) => {
                let left = keymap.keys(clash.context, &clash.lost.action);
                if left.is_empty() {
                    format!("it is now {kept}; {lost} loses it and has no key left in {context}")
                } else {
                    format!("it is now {kept}; {lost} keeps {}", left.join(" "))
                }
            }
            (true, false) => {
                format!("in {context} it is {kept}; {lost} still works elsewhere")
            }
        };
        let message = format!(
            "key {key:?} is bound to both {} and {} in {context}: {outcome}",
            describe(trigger, true),
            describe(other, false),
        );
        Problem {
            path: self.source.clone().unwrap_or_else(|| PathBuf::from(FILE_NAME)),
            at: spot.map(|s| (s.line, s.column)),
            message,
            fatal: false,
        }
    }
}

/// A commented configuration that gives exactly the defaults: every context with every
/// action's default keys, the themes and styles, the default file and language.
pub fn default_text() -> String {
    let mut out = String::new();
    let theme = Theme::default();
    let keymap = Keymap::default();
    out.push_str(
        "// wgtrack configuration: save it where `wgtrack config --path` says. As it is, it\n\
         // changes nothing: these are the defaults.\n\
         // Every field may be left out, and so may any context or action under keys.\n\
         (\n\
         \x20   // The theme: \"default\", \"high-contrast\" (the terminal's own colours, black on\n\
         \x20   // white and black on yellow, bold and underline instead of greys) or \"no-color\"\n\
         \x20   // (no colour, only bold, reverse, underline and italics). NO_COLOR set to\n\
         \x20   // anything in the environment means \"no-color\" whatever this says.\n\
         \x20   theme: \"default\",\n\
         \n\
         \x20   // Changes to single styles of the theme. fg and bg are colours: black, red, green,\n\
         \x20   // yellow, blue, magenta, cyan, gray, dark gray, light red, light green, light\n\
         \x20   // yellow, light blue, light magenta, light cyan, white, reset (the terminal's own),\n\
         \x20   // \"#rrggbb\" or a number 0-255. bold, italic, underline and reversed are true or\n\
         \x20   // false. What a change leaves out keeps the theme's. The default theme has:\n",
    );
    for (name, style) in theme.styles() {
        let _ = writeln!(out, "    //     {:<21} {},", format!("{name:?}:"), style_text(style));
    }
    out.push_str(
        "    styles: {\n\
         \x20       // \"selected\": (fg: \"black\", bg: \"light cyan\", bold: true),\n\
         \x20   },\n\
         \n\
         \x20   // Keys, by context and action: a list replaces the action's default keys in that\n\
         \x20   // context ([] leaves it no key there). Keys are written \"a\", \"A\", \"ctrl-s\",\n\
         \x20   // \"alt-x\", \"shift-tab\", \"enter\", \"esc\", \"tab\", \"backspace\", \"delete\",\n\
         \x20   // \"up\", \"down\", \"left\", \"right\", \"pageup\", \"pagedown\", \"home\", \"end\",\n\
         \x20   // \"f1\" to \"f12\", \"space\", \"+\", \"?\" and so on. A key that the context does not\n\
         \x20   // bind is looked up in \"global\" in these contexts:\n",
    );
    let fallback: Vec<&str> =
        Context::ALL.into_iter().filter(|c| c.falls_back_to_global()).map(Context::name).collect();
    let _ = writeln!(out, "    // {}.", fallback.join(", "));
    out.push_str(
        "    // Two actions on one key in a context (or in it and in global) are reported when\n\
         \x20   // wgtrack starts; the key goes to the one written first.\n\
         \x20   keys: {\n",
    );
    for context in Context::ALL {
        let _ = writeln!(out, "        // {}", context.title());
        let _ = writeln!(out, "        {:?}: {{", context.name());
        let mut seen: Vec<&Action> = Vec::new();
        for binding in keymap.bindings(context) {
            if seen.contains(&&binding.action) {
                continue;
            }
            seen.push(&binding.action);
            let Some(name) = binding.action.name() else {
                continue;
            };
            let keys: Vec<String> = keymap
                .bindings(context)
                .filter(|b| b.action == binding.action)
                .map(|b| format!("{:?}", Key::new(b.code, b.modifiers).name()))
                .collect();
            let entry = format!("{name:?}: [{}],", keys.join(", "));
            let _ =
                writeln!(out, "            {entry:<40} // {}", keymap::describe(&binding.action));
        }
        out.push_str("        },\n");
    }
    out.push_str(
        "    },\n\
         \n\
         \x20   // The report opened when neither -f nor WGTRACK_FILE names one, such as\n\
         \x20   // \"~/reports/2022-2023.ron\" (a relative path starts in this file's directory).\n\
         \x20   // None: report.ron in the platform data directory.\n\
         \x20   file: None,\n\
         \n\
         \x20   // The language of the app: \"en\" or \"es\". None: the default.\n\
         \x20   lang: None,\n\
         )\n",
    );
    out
}

/// A style as the configuration file writes it: `(fg: "black", bg: "cyan", bold: true)`.
pub fn style_text(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(format!("fg: {:?}", colour_name(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg: {:?}", colour_name(bg)));
    }
    for (word, modifier) in [
        ("bold", Modifier::BOLD),
        ("italic", Modifier::ITALIC),
        ("underline", Modifier::UNDERLINED),
        ("reversed", Modifier::REVERSED),
    ] {
        if style.add_modifier.contains(modifier) {
            parts.push(format!("{word}: true"));
        }
    }
    format!("({})", parts.join(", "))
}

/// A colour's name as the configuration file writes it.
pub fn colour_name(colour: Color) -> String {
    match colour {
        Color::Reset => "reset".into(),
        Color::Black => "black".into(),
        Color::Red => "red".into(),
        Color::Green => "green".into(),
        Color::Yellow => "yellow".into(),
        Color::Blue => "blue".into(),
        Color::Magenta => "magenta".into(),
        Color::Cyan => "cyan".into(),
        Color::Gray => "gray".into(),
        Color::DarkGray => "dark gray".into(),
        Color::LightRed => "light red".into(),
        Color::LightGreen => "light green".into(),
        Color::LightYellow => "light yellow".into(),
        Color::LightBlue => "light blue".into(),
        Color::LightMagenta => "light magenta".into(),
        Color::LightCyan => "light cyan".into(),
        Color::White => "white".into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => n.to_string(),
    }
}

/// `wgtrack config`: print where the file is, or a default configuration.
pub fn command(print_default: bool, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    if print_default {
        out.write_all(default_text().as_bytes())?;
    } else {
        let path = default_path().ok_or_else(|| {
            anyhow::anyhow!("cannot find a config directory (no home directory is known)")
        })?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_names_read_back() {
        for colour in [Color::DarkGray, Color::LightCyan, Color::Rgb(1, 2, 255), Color::Indexed(7)]
        {
            assert_eq!(Color::from_str(&colour_name(colour)), Ok(colour));
        }
    }

    #[test]
    fn an_override_replaces_what_it_gives() {
        let change = StyleOverride {
            name: "selected",
            fg: Some(Color::Red),
            bg: None,
            bold: Some(false),
            italic: None,
            underline: Some(true),
            reversed: None,
        };
        let style = change.apply(Style::new().bg(Color::Cyan).add_modifier(Modifier::BOLD));
        assert_eq!(
            style,
            Style::new().fg(Color::Red).bg(Color::Cyan).add_modifier(Modifier::UNDERLINED)
        );
    }
}
