//! Arbitrary bytes as a recovery file: `store::recovery::parse` never panics, and a recovery
//! it accepts holds a report that saves as text that loads as the same report, so restoring
//! it never leads to a file wgtrack cannot open.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wgtrack::store::{self, recovery};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(recovered) = recovery::parse(text) else {
        return;
    };
    let written = store::to_text(&recovered.report);
    match store::parse(Path::new("fuzz.ron"), &written) {
        Ok(again) => assert_eq!(again, recovered.report, "the saved text loads as another report"),
        Err(error) => panic!("a recovered report saves as text that does not load: {error}"),
    }
});
