//! The commented configuration that gives exactly the defaults (`wgtrack config --default`).

use std::fmt::Write as _;

use super::style_text;
use crate::action::Action;
use crate::keymap::{self, Context, Key, Keymap};
use crate::ui::theme::Theme;

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
        Context::all().filter(|c| c.falls_back_to_global()).map(Context::name).collect();
    let _ = writeln!(out, "    // {}.", fallback.join(", "));
    out.push_str(
        "    // Two actions on one key in a context (or in it and in global) are reported when\n\
         \x20   // wgtrack starts; the key goes to the one written first.\n\
         \x20   keys: {\n",
    );
    for context in Context::all() {
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
            let _ = writeln!(
                out,
                "            {entry:<40} // {}",
                keymap::describe(context, &binding.action)
            );
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
         \n\
         \x20   // When the app commits the report to git (c commits it at any time): \"never\",\n\
         \x20   // \"ask\" (the message is offered after each save, to edit and commit) or\n\
         \x20   // \"always\" (each save is committed with the message wgtrack writes).\n\
         \x20   commit: \"never\",\n\
         )\n",
    );
    out
}
