//! Reading a report file: every failure names the file and, where there is one, the line and
//! column.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use rayon::prelude::*;

use super::fingerprint::Fingerprint;
use super::locate::{group_spans, line_column, locate};
use crate::model::{FORMAT, Group, Report};
use crate::validate::{self, Problem};

/// A problem with the place in the file where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// Why a report file could not be loaded: what went wrong, the file, the place in it where
/// there is one, and the cause. `Display` says it in English, as the command line does.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: is a directory, not a report file", path.display())]
    Directory { path: PathBuf },
    #[error("{}:{line}:{column}: the file is not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{}:1:1: the file is empty; a report starts with `Report(`", path.display())]
    Empty { path: PathBuf },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error(
        "{}: the file is in format {found}, newer than this wgtrack reads (format {FORMAT}); \
         install a newer wgtrack to open it",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
    #[error("{}", invalid(path, problems))]
    Invalid { path: PathBuf, problems: Vec<Located> },
}

/// One line per problem: the place, the field's path, what is wrong.
fn invalid(path: &Path, problems: &[Located]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|Located { line, column, problem }| {
            format!("{}:{line}:{column}: {problem}", path.display())
        })
        .collect();
    lines.join("\n")
}

/// Reads and checks the report at `path`.
pub fn load(path: &Path) -> Result<Report, LoadError> {
    open(path).map(|(report, _)| report)
}

/// Reads and checks the report at `path`, with the fingerprint of the bytes read, which a
/// later save checks to be sure no one else changed the file meanwhile.
pub fn open(path: &Path) -> Result<(Report, Fingerprint), LoadError> {
    let bytes = read(path)?;
    let text = utf8(path, &bytes)?;
    Ok((parse(path, text)?, Fingerprint::of(&bytes)))
}

/// Reads the file's bytes, with a clear word for the usual failures.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::Directory { path: path.to_path_buf() });
    }
    std::fs::read(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })
}

/// The file's text, or where its first byte that is not UTF-8 sits.
pub fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = line_column(good, good.len());
        LoadError::NotUtf8 { path: path.to_path_buf(), line, column }
    })
}

/// Parses report text; `path` only names the source in errors.
pub fn parse(path: &Path, text: &str) -> Result<Report, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    let parsed = match in_parallel(text) {
        Some(report) => Ok(report),
        None => ron::from_str(text),
    };
    let report: Report = match parsed {
        Ok(report) => report,
        Err(error) => {
            // A newer format may well fail on fields this build does not know: say why.
            if let Some(found) = newer_format(text) {
                return Err(LoadError::NewerFormat { path: path.to_path_buf(), found });
            }
            return Err(LoadError::Syntax {
                path: path.to_path_buf(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            });
        }
    };
    if report.format > FORMAT {
        return Err(LoadError::NewerFormat { path: path.to_path_buf(), found: report.format });
    }
    let problems = validate::problems(&report);
    if problems.is_empty() {
        return Ok(report);
    }
    let problems = problems
        .into_iter()
        .map(|problem| {
            let (line, column) = locate(text, &problem.path).unwrap_or((1, 1));
            Located { line, column, problem }
        })
        .collect();
    Err(LoadError::Invalid { path: path.to_path_buf(), problems })
}

/// Below this size a file is parsed whole: splitting it would not pay.
const PARALLEL_FROM: usize = 1 << 20;

/// A large report parsed on all cores: its groups each on their own, and the text around
/// them with every group replaced by an empty one. `None` whenever that does not work out
/// (a small file, an unexpected layout, any error), and the file is parsed whole, which
/// also gives the error messages.
///
/// Why the result is the one parsing the whole text gives: every byte is read by the parser,
/// in a group's piece or in the text around them; that text must hold one stand-in for each
/// piece in its list of groups, so each piece stood where a group of the list stands; and a
/// piece is a complete value ending with its own closing parenthesis, so it reads the same
/// in its place as alone.
fn in_parallel(text: &str) -> Option<Report> {
    if text.len() < PARALLEL_FROM {
        return None;
    }
    split_parse(text)
}

/// `in_parallel` at any size.
pub(super) fn split_parse(text: &str) -> Option<Report> {
    let spans = group_spans(text)?;
    let mut skeleton = String::with_capacity(text.len() / 64 + spans.len() * EMPTY_GROUP.len());
    let mut from = 0;
    for span in &spans {
        skeleton.push_str(&text[from..span.start]);
        skeleton.push_str(EMPTY_GROUP);
        from = span.end;
    }
    skeleton.push_str(&text[from..]);
    let report: Report = ron::from_str(&skeleton).ok()?;
    if report.groups.len() != spans.len() {
        return None;
    }
    let groups = spans
        .par_iter()
        .map(|span| ron::from_str(&text[span.clone()]).ok())
        .collect::<Option<Vec<Group>>>()?;
    Some(Report { groups: groups.into(), ..report })
}

/// The stand-in for a group in the text around the groups.
const EMPTY_GROUP: &str = "Group(title: \"\", topic: \"\", document_type: Thematic, \
    general_objective: \"\", specific_objectives: [], coordinators: [], activities: [])";

/// The `format` of a file whose other fields may not match this build's model.
fn newer_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    #[serde(rename = "Report")]
    struct Head {
        format: u32,
    }
    let head: Head = ron::from_str(text).ok()?;
    (head.format > FORMAT).then_some(head.format)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{EMPTY_GROUP, in_parallel, split_parse};
    use crate::model::{Group, Report};

    fn text(groups: usize) -> String {
        crate::store::to_text(&crate::generate::report(groups, 3, 17))
    }

    #[test]
    fn a_report_split_at_its_groups_reads_as_parsed_whole() {
        let text = text(12);
        let whole: Report = ron::from_str(&text).unwrap();
        assert_eq!(split_parse(&text), Some(whole));
        assert_eq!(in_parallel(&text), None, "a small file is parsed whole");
        assert!(ron::from_str::<Group>(EMPTY_GROUP).is_ok());

        // Groups hidden in comments, nested ones too, and brackets in strings, raw or not:
        // the split reading agrees with the whole one.
        let mut report = crate::generate::report(12, 3, 17);
        report.title = ")] /* \"( ".to_string();
        report.venue = report.title.clone();
        let hidden = format!("/* /* */ {EMPTY_GROUP}, */ // {EMPTY_GROUP},\n");
        let tricky = crate::store::to_text(&report)
            .replacen("    groups: [\n", &format!("    groups: [\n{hidden}"), 1)
            .replacen(r#"title: ")] /* \"( ","#, r##"title: r#")] /* "( "#,"##, 1);
        assert!(tricky.contains("r#\""), "{tricky}");
        let whole: Report = ron::from_str(&tricky).unwrap();
        assert_eq!(whole, report);
        assert_eq!(split_parse(&tricky), Some(whole));
    }

    /// Texts a person may write around and inside the groups, where a quick scan could go
    /// wrong: comments and strings holding brackets, raw strings, stray punctuation.
    const AWKWARD: [&str; 12] = [
        "/* ) ] , */",
        "// ) ] ,\n",
        "\"",
        "\" ) \"",
        ",",
        ")",
        "]",
        "(",
        "r#\"a)\"#",
        "'",
        "\n\n  ",
        "/* /* nested */ */",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// However the text is changed, a split reading is the whole reading or none at all.
        #[test]
        fn a_split_reading_never_differs_from_the_whole_one(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..AWKWARD.len() + 1), 1..4)
        ) {
            let mut text = text(4);
            for (at, what) in edits {
                let mut at = at.index(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match AWKWARD.get(what) {
                    Some(insert) => text.insert_str(at, insert),
                    None if at < text.len() => {
                        text.remove(at);
                    }
                    None => {}
                }
            }
            if let Some(split) = split_parse(&text) {
                prop_assert_eq!(Some(split), ron::from_str::<Report>(&text).ok(), "{}", text);
            }
        }
    }
}
