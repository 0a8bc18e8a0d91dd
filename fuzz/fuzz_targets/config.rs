//! Arbitrary bytes as the configuration file: `config::parse` never panics, nor do the
//! keymap and theme made from what it accepts; every problem names the file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wgtrack::config;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let path = Path::new("config.ron");
    let (config, problems) = config::parse(path, text);
    let (_keymap, clashes) = config.keymap();
    let _theme = config.theme(None);
    for problem in problems.iter().chain(&clashes) {
        assert_eq!(problem.path, path, "a problem names another file");
    }
});
