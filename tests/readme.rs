//! The README tells the truth: its key table is the keymap's, every `wgtrack` command line it
//! shows is one the command line accepts, and its table of commands names every command and
//! option there is, each with the values it takes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use clap::{CommandFactory, Parser};
use wgtrack::cli::Cli;
use wgtrack::keymap::{self, Context, Keymap};

const README: &str = include_str!("../README.md");

/// The key table as the README shows it, made from the default keymap.
fn key_table() -> String {
    let keymap = Keymap::default();
    let mut out = String::new();
    for context in Context::all() {
        out.push_str(&format!("\n**{}**\n\n| keys | action |\n| --- | --- |\n", context.title()));
        let mut seen = Vec::new();
        for binding in keymap.bindings(context) {
            if seen.contains(&binding.action) {
                continue;
            }
            seen.push(binding.action.clone());
            let keys = keymap.keys(context, &binding.action).join(" ").replace('|', "\\|");
            out.push_str(&format!(
                "| `{keys}` | {} |\n",
                keymap::describe(context, &binding.action)
            ));
        }
        if context == Context::EditText {
            // The editor's own keys, which are not rebindable.
            for (keys, what) in keymap::editor_keys(wgtrack::i18n::Lang::En.texts()) {
                out.push_str(&format!("| `{keys}` | {what} |\n"));
            }
        }
    }
    out
}

#[test]
fn the_readme_lists_every_key_binding() {
    let start = README.find("<!-- keys -->").expect("README has a <!-- keys --> marker");
    let end = README.find("<!-- /keys -->").expect("README has a <!-- /keys --> marker");
    let listed = &README[start + "<!-- keys -->".len()..end];
    let expected = key_table();
    if listed.trim() != expected.trim() {
        std::fs::write(std::env::temp_dir().join("wgtrack-keys.md"), &expected).ok();
    }
    assert_eq!(
        listed.trim(),
        expected.trim(),
        "the README's key table differs from the keymap; the expected table is in {}",
        std::env::temp_dir().join("wgtrack-keys.md").display()
    );
}

/// The lines of the README's `sh` code blocks.
fn shell_lines() -> Vec<&'static str> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in README.lines() {
        if line.starts_with("```") {
            inside = !inside && line.trim() == "```sh";
        } else if inside {
            lines.push(line);
        }
    }
    lines
}

/// The `wgtrack …` commands of a shell line: at its start or inside `$(…)`, each up to the
/// end of the command (a `)`, a redirection, a pipe or a comment outside quotes).
fn commands_in(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in line.match_indices("wgtrack ") {
        if !(line[..at].trim().is_empty() || line[..at].ends_with("$(")) {
            continue;
        }
        let mut quoted = false;
        let end = line[at..]
            .char_indices()
            .find(|&(_, c)| {
                quoted ^= c == '"';
                !quoted && matches!(c, ')' | '>' | '|' | '#')
            })
            .map_or(line.len(), |(i, _)| at + i);
        found.push(line[at..end].trim().to_string());
    }
    found
}

/// The inline code spans of the README's prose (not its tables) that hold a `wgtrack` command
/// line; a span that only names a command (`wgtrack set`) is a reference, not a command line.
fn inline_commands() -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in README.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced || line.starts_with('|') {
            continue;
        }
        for (i, span) in line.split('`').enumerate() {
            let words = span.split_whitespace().count();
            if i % 2 == 1 && span.starts_with("wgtrack ") && words > 2 {
                found.push(span.to_string());
            }
        }
    }
    found
}

/// A command line split into words as a shell splits the README's (double quotes only).
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote in {command:?}");
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn every_wgtrack_command_the_readme_shows_parses() {
    let mut commands: Vec<String> = shell_lines().into_iter().flat_map(commands_in).collect();
    let in_code_blocks = commands.len();
    commands.extend(inline_commands());
    // The set example, the two baseline lines and the two configuration lines (which hold
    // three commands), and the exports, new-round and config in the prose.
    assert!(in_code_blocks >= 6, "only {in_code_blocks} commands in code blocks: {commands:?}");
    assert!(commands.len() >= 10, "only {} commands: {commands:?}", commands.len());
    for command in &commands {
        if let Err(error) = Cli::try_parse_from(words(command)) {
            panic!("the README shows `{command}`, which does not parse:\n{error}");
        }
    }
    // `cargo run --release` opens the app: no arguments is the app, not a usage error.
    let bare = Cli::try_parse_from(["wgtrack"]).expect("wgtrack with no arguments parses");
    assert!(bare.command.is_none(), "no arguments is the app: {bare:?}");
}

/// The README's table of commands: each row's synopsis, as written (`\|` unescaped).
fn synopses() -> Vec<String> {
    let start = README.find("| command | what it does |").expect("the table of commands");
    README[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let code = line.split('`').nth(1).expect("a synopsis in code");
            code.replace("\\|", "|")
        })
        .collect()
}

/// A value for a placeholder of a synopsis.
fn sample(placeholder: &str) -> &'static str {
    match placeholder {
        "GROUP" => "VIII",
        "ACTIVITY" => "7",
        "N" => "40",
        _ => "other.ron",
    }
}

/// The fullest command a synopsis allows: every optional part, the first of alternatives,
/// placeholders filled.
fn fullest(synopsis: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut skipping = false;
    for token in synopsis.split_whitespace() {
        let closes = token.ends_with(']');
        if token == "|" {
            skipping = true;
        } else if !skipping {
            let word = token.trim_matches(['[', ']']);
            let word = word.split('|').next().unwrap_or_default();
            let placeholder = word.chars().all(|c| c.is_ascii_uppercase());
            words.push(if placeholder { sample(word) } else { word }.to_string());
        }
        if closes {
            skipping = false;
        }
    }
    words
}

/// The options of `command` that its row must show: not positional, not global (the file
/// option is given once, above the table), not help or version.
fn options(command: &clap::Command) -> Vec<&clap::Arg> {
    command
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_global_set())
        .filter(|a| !["help", "version"].contains(&a.get_id().as_str()))
        .collect()
}

/// How an option may be written: `--long` and `-s`.
fn spellings(option: &clap::Arg) -> Vec<String> {
    let long = option.get_long().map(|l| format!("--{l}"));
    let short = option.get_short().map(|s| format!("-{s}"));
    long.into_iter().chain(short).collect()
}

#[test]
fn the_command_table_names_every_command_and_option_with_its_values() {
    let cli = Cli::command();
    let rows = synopses();
    assert!(rows.len() >= 10, "{rows:?}");
    // The words of every row of each command (`config` has a row per flag).
    let mut shown: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for synopsis in &rows {
        let words = fullest(synopsis);
        if let Err(error) = Cli::try_parse_from(&words) {
            panic!("`{synopsis}` as {words:?} does not parse:\n{error}");
        }
        let tokens: Vec<&str> =
            synopsis.split_whitespace().map(|t| t.trim_matches(['[', ']'])).collect();
        let command = tokens.get(1).and_then(|name| cli.find_subcommand(name)).unwrap_or(&cli);
        let options = options(command);
        for (i, token) in tokens.iter().enumerate().filter(|(_, t)| t.starts_with('-')) {
            let option = options
                .iter()
                .find(|a| spellings(a).iter().any(|n| n == token))
                .unwrap_or_else(|| panic!("`{synopsis}`: {token} is no option of the command"));
            // The values listed (`json|csv`) are exactly those the option takes.
            if let Some(values) = tokens.get(i + 1).filter(|v| v.contains('|')) {
                let listed: BTreeSet<String> = values.split('|').map(str::to_string).collect();
                let possible: BTreeSet<String> = option
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                assert_eq!(listed, possible, "`{synopsis}`: the values of {token}");
            }
        }
        let entry = shown.entry(command.get_name().to_string()).or_default();
        entry.extend(tokens.iter().map(|t| t.to_string()));
    }
    // Every command has a row, and every option of a command is in one of its rows.
    let commands: BTreeSet<String> = std::iter::once(cli.get_name().to_string())
        .chain(cli.get_subcommands().map(|c| c.get_name().to_string()))
        .filter(|name| name != "help")
        .collect();
    assert_eq!(shown.keys().cloned().collect::<BTreeSet<_>>(), commands, "the commands shown");
    for (name, tokens) in &shown {
        let command = cli.find_subcommand(name).unwrap_or(&cli);
        for option in options(command) {
            let names = spellings(option);
            assert!(
                names.iter().any(|n| tokens.contains(n)),
                "the rows of `{name}` leave out {names:?}"
            );
        }
    }
}
