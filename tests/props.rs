//! Property tests of the store: any report saves and loads back unchanged (in memory and
//! through a real file), damaged files never crash the loader and always say where the
//! problem is, and every load error names the file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use wgtrack::model::{
    Activity, Coordinator, Distribution, DocumentType, FORMAT, FORMAT_1, Group, Language, Note,
    Progress, Report, Review, Section, StatedIn,
};
use wgtrack::store::{self, Expect, LoadError, SHIPPED};

use common::cases::config;

/// Pieces of text that are hard on a writer and a reader: RON's own punctuation, escapes,
/// paragraphs and emphasis, and scripts and marks that are not plain ASCII.
const PIECES: &[&str] = &[
    "working group",
    "Statistical",
    " ",
    "  ",
    "\"",
    "\\",
    "\\n",
    "\\\"",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "*emphasis*",
    "*Guide to quality*",
    "*",
    "–",
    "—",
    "2020–2021",
    "🙂",
    "👩🏽‍🔬",
    "🇨🇱",
    "العمل الإحصائي",
    "עבודה סטטיסטית",
    "\u{200f}",
    "\u{202e}",
    "e\u{301}",
    "n\u{303}",
    "Ñandú",
    "统计工作组",
    "統計",
    "한국어",
    "'",
    "r#\"",
    "\"#",
    "#",
    "//",
    "/*",
    "*/",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "Report(",
    "Some(",
    "None",
    "\u{feff}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{fffd}",
    "%",
    "100",
];

/// Words that are not blank, for the fields that must not be: in several scripts.
const WORDS: &[&str] = &[
    "Gender",
    "Censuses",
    "DANE",
    "Ñandú",
    "é",
    "e\u{301}",
    "—",
    "*x*",
    "\"q\"",
    "\\",
    "العمل",
    "עבודה",
    "统计",
    "🙂",
    "0",
    "r#",
];

/// One piece of text from a number: mostly one of the pieces, now and then any character
/// at all. One number per piece keeps generation cheap in a debug build.
fn piece(n: u32) -> String {
    if n.is_multiple_of(5) {
        char::from_u32(n / 5 % 0x11_0000).unwrap_or('\u{fffd}').to_string()
    } else {
        PIECES[(n / 5) as usize % PIECES.len()].to_string()
    }
}

/// Any text built from the pieces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u32>(), 0..6).prop_map(|n| n.into_iter().map(piece).collect())
}

/// Text that `validate::problems` accepts where a field is required: not only white space.
fn required() -> impl Strategy<Value = String> {
    (text(), select(WORDS), text())
        .prop_map(|(before, word, after)| format!("{before}{word}{after}"))
}

fn progress() -> impl Strategy<Value = Progress> {
    (0i64..=100).prop_map(|p| Progress::new(p).unwrap())
}

fn activity() -> impl Strategy<Value = Activity> {
    (prop::option::of(required()), required(), progress(), text()).prop_map(
        |(topic, description, progress, remarks)| Activity {
            topic,
            description,
            progress,
            remarks,
        },
    )
}

fn group() -> impl Strategy<Value = Group> {
    (
        (required(), required(), select(DocumentType::ALL.to_vec()), text()),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(
            (required(), text())
                .prop_map(|(country, institution)| Coordinator::new(country, institution)),
            0..3,
        ),
        prop::collection::vec(activity(), 0..8),
        (any::<bool>(), any::<Index>()),
    )
        .prop_map(
            |(
                (title, topic, document_type, general_objective),
                specific_objectives,
                mut coordinators,
                activities,
                (no_coordinators_stated, stated_in),
            )| {
                // Where the strategy makes format 2, the first coordinator may be stated in
                // an activity's remarks.
                if let Some(first) = coordinators.first_mut()
                    && !activities.is_empty()
                {
                    first.stated_in =
                        Some(StatedIn::ActivityRemarks(stated_in.index(activities.len()) + 1));
                }
                Group {
                    title,
                    topic,
                    document_type,
                    general_objective,
                    specific_objectives,
                    coordinators,
                    no_coordinators_stated,
                    activities,
                }
            },
        )
}

fn section() -> impl Strategy<Value = Section> {
    (
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((any::<Index>(), required()), 0..3),
    )
        .prop_map(|(heading, paragraphs, notes)| {
            let notes = match paragraphs.len() {
                0 => Vec::new(),
                n => notes
                    .into_iter()
                    .map(|(at, text)| Note { paragraph: at.index(n), text })
                    .collect(),
            };
            Section { heading, paragraphs, notes }
        })
}

/// What format 2 adds to the front matter, and the reviews.
fn front() -> impl Strategy<Value = (Option<Distribution>, [Option<Language>; 2], Option<String>)> {
    let language = || prop::option::of(select(Language::ALL.to_vec()));
    (
        prop::option::of(select(Distribution::ALL.to_vec())),
        [language(), language()],
        prop::option::of(required()),
    )
}

fn review() -> impl Strategy<Value = Review> {
    (required(), required(), required()).prop_map(|(rule, place, reason)| Review {
        rule,
        place,
        reason,
    })
}

/// A whole valid report: one to five groups of up to eight activities, in format 1 (none
/// of what format 2 adds) or format 2 (any of it).
fn report() -> impl Strategy<Value = Report> {
    (
        (required(), text(), required(), text(), text()),
        prop::collection::vec(section(), 0..3),
        prop::collection::vec(group(), 1..5),
        (any::<bool>(), front(), prop::collection::vec(review(), 0..3)),
    )
        .prop_map(
            |(
                (symbol, date, title, meeting, venue),
                introduction,
                groups,
                (format_1, (distribution, [language, original_language], job_number), reviews),
            )| {
                let report = Report {
                    format: FORMAT,
                    symbol,
                    date,
                    title,
                    meeting,
                    venue,
                    distribution,
                    language,
                    original_language,
                    job_number,
                    introduction,
                    groups: groups.into(),
                    reviews,
                };
                if format_1 { as_format_1(report) } else { report }
            },
        )
}

/// The report without what format 2 adds, marked format 1.
fn as_format_1(mut report: Report) -> Report {
    report.format = FORMAT_1;
    report.distribution = None;
    report.language = None;
    report.original_language = None;
    report.job_number = None;
    report.reviews.clear();
    report.introduction.iter_mut().for_each(|s| s.notes.clear());
    for g in 0..report.groups.len() {
        let group = &mut report.groups[g];
        group.no_coordinators_stated = false;
        group.coordinators.iter_mut().for_each(|c| c.stated_in = None);
    }
    report
}

fn path() -> &'static Path {
    Path::new("dir/report.ron")
}

proptest! {
    #![proptest_config(config(10_000))]

    /// The text a report is written as reads back as the same report.
    #[test]
    fn text_round_trip(report in report()) {
        prop_assert!(wgtrack::validate::problems(&report).is_empty(), "the strategy makes valid reports");
        let text = store::to_text(&report);
        if report.format == FORMAT_1 {
            prop_assert_eq!(report.format_2_field(), None);
            prop_assert!(text.starts_with("Report(\n    format: 1,\n"));
        }
        let back = store::parse(path(), &text);
        prop_assert!(back.is_ok(), "{}\n{text}", back.unwrap_err());
        prop_assert_eq!(back.unwrap(), report);
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// A real save to a file loads back as the same report.
    #[test]
    fn file_round_trip(report in report()) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.ron");
        let fingerprint = store::save(&file, &report, Expect::Absent).unwrap();
        let (loaded, read) = store::open(&file).unwrap();
        prop_assert_eq!(loaded, report);
        prop_assert_eq!(read, fingerprint);
    }
}

/// One change to the bytes of a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Duplicate(Index, usize, Index),
    Truncate(Index),
}

fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => select(b"()[]{}:,\"'\\#/*rR0123456789-+. \n\tSomeNon_".to_vec()),
        1 => any::<u8>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<(Index, u8)>().prop_map(|(at, bit)| Mutation::Flip(at, bit % 8)),
        (any::<Index>(), byte()).prop_map(|(at, b)| Mutation::Set(at, b)),
        (any::<Index>(), prop::collection::vec(byte(), 1..8))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<Index>(), 1usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<Index>(), 1usize..200, any::<Index>())
            .prop_map(|(at, n, to)| Mutation::Duplicate(at, n, to)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    // An index into the bytes, or `len` itself for the end.
    let at = |i: &Index| i.index(len + 1);
    match mutation {
        Mutation::Flip(i, bit) if len > 0 => bytes[i.index(len)] ^= 1 << bit,
        Mutation::Set(i, b) if len > 0 => bytes[i.index(len)] = *b,
        Mutation::Insert(i, new) => {
            let at = at(i);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let start = at(i);
            bytes.drain(start..(start + n).min(len));
        }
        Mutation::Duplicate(i, n, to) => {
            let start = at(i);
            let slice = bytes[start..(start + n).min(len)].to_vec();
            let to = at(to);
            bytes.splice(to..to, slice);
        }
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Flip(..) | Mutation::Set(..) => {}
    }
}

/// Whether `line:column` (1-based, column in characters) lies in `text`: on one of its
/// lines, at most one past that line's last character.
fn inside(text: &str, line: usize, column: usize) -> bool {
    let Some(content) = text.split('\n').nth(line.wrapping_sub(1)) else {
        return false;
    };
    (1..=content.chars().count() + 1).contains(&column)
}

/// Checks what a failed load says: the path first, and a place inside the text.
fn check_error(error: &LoadError, text: &str) -> Result<(), TestCaseError> {
    let shown = error.to_string();
    let name = path().display().to_string();
    prop_assert!(shown.starts_with(&format!("{name}:")), "{shown}");
    match error {
        LoadError::Syntax { line, column, message, .. } => {
            prop_assert!(
                inside(text, *line, *column),
                "{line}:{column} is outside the text: {shown}"
            );
            prop_assert!(shown.starts_with(&format!("{name}:{line}:{column}: ")), "{shown}");
            prop_assert!(!message.trim().is_empty(), "{shown}");
        }
        LoadError::Invalid { problems, .. } => {
            prop_assert!(!problems.is_empty());
            for (found, shown) in problems.iter().zip(shown.lines()) {
                prop_assert!(inside(text, found.line, found.column), "{shown}");
                prop_assert!(
                    shown.starts_with(&format!("{name}:{}:{}: ", found.line, found.column)),
                    "{shown}"
                );
            }
            prop_assert_eq!(shown.lines().count(), problems.len());
        }
        LoadError::NotUtf8 { line, column, .. } => {
            prop_assert!(shown.starts_with(&format!("{name}:{line}:{column}: ")), "{shown}");
        }
        LoadError::Empty { .. } => prop_assert!(text.trim().is_empty(), "{shown}"),
        LoadError::NewerFormat { found, .. } => prop_assert!(*found > FORMAT, "{shown}"),
        LoadError::Conflicted { conflicts, .. } => {
            for (found, shown) in conflicts.iter().zip(shown.lines()) {
                prop_assert!(inside(text, found.line, 1), "{shown}");
                prop_assert!(shown.starts_with(&format!("{name}:{}:1: ", found.line)), "{shown}");
            }
        }
        LoadError::Read { .. } | LoadError::Directory { .. } | LoadError::NotRegular { .. } => {
            prop_assert!(false, "parse never reads a file: {shown}")
        }
    }
    Ok(())
}

/// A valid file to damage: the shipped one, or one written from a generated report.
fn original() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(SHIPPED.to_string()),
        2 => report().prop_map(|r| store::to_text(&r)),
    ]
}

proptest! {
    #![proptest_config(config(3_000))]

    /// Damaged files never crash the loader; what it says names the file and the place.
    #[test]
    fn damaged_files_load_or_say_where(
        text in original(),
        mutations in prop::collection::vec(mutation(), 1..6),
        strict in any::<bool>(),
    ) {
        let mut bytes = text.into_bytes();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        let lossy;
        let text = if strict {
            match store::utf8(path(), &bytes) {
                Ok(text) => text,
                Err(error) => {
                    let good = &bytes[..std::str::from_utf8(&bytes).unwrap_err().valid_up_to()];
                    let good = std::str::from_utf8(good).unwrap();
                    let LoadError::NotUtf8 { line, column, .. } = error else {
                        return Err(TestCaseError::fail(format!("not a UTF-8 error: {error}")));
                    };
                    // The place is that of the first bad byte: one past the good text.
                    prop_assert_eq!((line, column), store::line_column(good, good.len()));
                    let with_bad = format!("{good}?");
                    prop_assert!(inside(&with_bad, line, column));
                    return check_error(&error, good);
                }
            }
        } else {
            lossy = String::from_utf8_lossy(&bytes).into_owned();
            lossy.as_str()
        };
        match store::parse(path(), text) {
            Ok(report) => {
                // Whatever loads is valid and writes back as itself.
                prop_assert!(wgtrack::validate::problems(&report).is_empty());
                let again = store::parse(path(), &store::to_text(&report)).unwrap();
                prop_assert_eq!(again, report);
            }
            Err(error) => check_error(&error, text)?,
        }
    }
}

/// Files nested far deeper than any report fail as errors, not as a stack overflow.
#[test]
fn deep_nesting_is_an_error() {
    let deep = [
        "{".repeat(10_000),
        "Report(".repeat(10_000),
        "[".repeat(100_000),
        format!("Report(format: 1, x: {}", "[".repeat(100_000)),
        format!("Report(format: 2, x: {}", "(".repeat(100_000)),
        format!("Report(format: 1, introduction: [Section(heading: {}", "Some(".repeat(100_000)),
        format!("Report(x: {}", "Some(".repeat(100_000)),
        format!("Report(x: {}", "A(".repeat(100_000)),
        format!("Report(x: {}", "{1:".repeat(100_000)),
    ];
    for text in deep {
        let error = store::parse(path(), &text).unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("dir/report.ron:"), "{shown}");
        if let LoadError::Syntax { line, column, .. } = error {
            assert!(inside(&text, line, column), "{shown}");
        }
    }
}

/// Every way a load can fail names the file it is about.
#[test]
fn every_load_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.ron");
    let name = file.display().to_string();
    let shown = |error: LoadError| error.to_string();

    // Read: there is no such file.
    let missing = shown(store::load(&file).unwrap_err());
    assert!(missing.starts_with(&format!("{name}: cannot read the file: ")), "{missing}");

    // Directory.
    std::fs::create_dir(dir.path().join("dir.ron")).unwrap();
    let directory = shown(store::load(&dir.path().join("dir.ron")).unwrap_err());
    assert!(
        directory.starts_with(&format!("{}: ", dir.path().join("dir.ron").display())),
        "{directory}"
    );

    // Not UTF-8, empty, syntax, newer format, invalid: each through a real file.
    let unknown = SHIPPED.replacen("    title: \"", "    old_title: \"x\",\n    title: \"", 1);
    let cases: [(&[u8], &str); 6] = [
        (b"Report(\n  symbol: \"\xff\"", ":2:12: the file is not UTF-8 text"),
        (b"", ":1:1: the file is empty"),
        (b" \n\t\n", ":1:1: the file is empty"),
        (b"Report(\n    format: 1,,\n)", ":2:"),
        (
            b"Report(format: 7, wholly_new: [1, 2])",
            ": made by a newer wgtrack (format 7); this one reads formats 1 and 2",
        ),
        (unknown.as_bytes(), ":5:5: Unexpected field named `old_title`"),
    ];
    for (bytes, expected) in cases {
        std::fs::write(&file, bytes).unwrap();
        let error = shown(store::load(&file).unwrap_err());
        assert!(error.starts_with(&format!("{name}{expected}")), "{error} lacks {expected}");
    }
    // Invalid: a report that parses but breaks the rules; each problem on its own line.
    let invalid = SHIPPED.replacen("country: \"Colombia\"", "country: \" \\n \"", 1).replacen(
        "topic: \"Statistical quality\"",
        "topic: \"\"",
        1,
    );
    std::fs::write(&file, &invalid).unwrap();
    let error = store::load(&file).unwrap_err();
    assert!(matches!(error, LoadError::Invalid { .. }), "{error}");
    let shown = error.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 2, "{shown}");
    assert!(lines[0].starts_with(&format!("{name}:")), "{shown}");
    assert!(lines[0].ends_with(": groups[0].topic: must not be empty"), "{shown}");
    assert!(lines[1].starts_with(&format!("{name}:")), "{shown}");
    assert!(
        lines[1].ends_with(": groups[0].coordinators[0].country: must not be empty"),
        "{shown}"
    );
}
