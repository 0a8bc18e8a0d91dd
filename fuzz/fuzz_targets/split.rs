//! The split reading of a large report (its groups parsed apart from the text around them)
//! against ron reading the whole text: whenever the split reading gives a report, it is the
//! one the whole reading gives. Seeded with report texts from `fuzz/seeds/split`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wgtrack::model::Report;
use wgtrack::store;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Some(split) = store::split_parse(text) {
        let whole = ron::from_str::<Report>(text).ok();
        assert!(Some(&split) == whole.as_ref(), "the split reading differs:\n{text}");
    }
});
