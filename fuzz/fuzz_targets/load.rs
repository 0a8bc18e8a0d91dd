//! Arbitrary bytes through the loader: `store::utf8` then `store::parse` never panic, and
//! a file that loads is written by `store::to_text` as text that loads as the same report.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wgtrack::store;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(text) = store::utf8(path, bytes) else {
        return;
    };
    let Ok(report) = store::parse(path, text) else {
        return;
    };
    let written = store::to_text(&report);
    match store::parse(path, &written) {
        Ok(again) => assert_eq!(again, report, "the written text loads as another report"),
        Err(error) => panic!("the written text does not load: {error}\n{written}"),
    }
});
