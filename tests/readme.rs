//! The README tells the truth: its key table is the keymap's, its commands exist.

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
            out.push_str(&format!("| `{keys}` | {} |\n", keymap::describe(&binding.action)));
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

#[test]
fn the_readme_gives_the_two_setup_commands() {
    assert!(README.contains("cargo run --release"));
    assert!(README.contains("cargo test"));
}
