//! What a save would do to the file besides changing its content, which the user is asked
//! about first: replace a read-only file, or drop the comments and Windows line endings of
//! a file edited by hand (wgtrack writes its own layout, with neither).

use std::fmt;
use std::fs;
use std::path::Path;

use crate::ron_scan;

/// What a file's text holds that wgtrack's layout does not: Windows line endings (CR LF)
/// and comments, counted by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub crlf: bool,
    /// `// …` comments.
    pub line_comments: usize,
    /// `/* … */` comments (one with others nested in it counts once).
    pub block_comments: usize,
}

impl Layout {
    /// What `text` holds besides the report, found as the parser reads it: `//` inside a
    /// string is text, not a comment.
    pub fn of(text: &str) -> Layout {
        let found = ron_scan::asides(text);
        Layout {
            crlf: found.crlf,
            line_comments: found.line_comments,
            block_comments: found.block_comments,
        }
    }

    pub fn comments(&self) -> usize {
        self.line_comments + self.block_comments
    }

    /// Whether a save in wgtrack's layout keeps everything the text holds.
    pub fn is_kept(&self) -> bool {
        !self.crlf && self.comments() == 0
    }

    /// The kinds of comment, each with its count where both are there: `(2 //, 1 /* */)`,
    /// `(//)`; the same in every language.
    pub fn comment_kinds(&self) -> String {
        match (self.line_comments, self.block_comments) {
            (0, _) => "(/* */)".to_string(),
            (_, 0) => "(//)".to_string(),
            (line, block) => format!("({line} //, {block} /* */)"),
        }
    }
}

/// In English, as `i18n` says it in the app's language: "Windows line endings (CR LF) and 3
/// comments (2 //, 1 /* */)".
impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let comments = match self.comments() {
            0 => None,
            1 => Some(format!("a comment {}", self.comment_kinds())),
            n => Some(format!("{n} comments {}", self.comment_kinds())),
        };
        match (self.crlf, comments) {
            (true, Some(comments)) => write!(f, "Windows line endings (CR LF) and {comments}"),
            (true, None) => f.write_str("Windows line endings (CR LF)"),
            (false, Some(comments)) => f.write_str(&comments),
            (false, None) => Ok(()),
        }
    }
}

/// Why a save stops to ask before it replaces the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Caution {
    /// No one may write the file (mode without a `w`), or this user may not.
    #[error("the file is read-only (mode {mode:04o})")]
    ReadOnly { mode: u32 },
    /// The file was edited by hand: a save in wgtrack's layout drops what `Layout` names.
    #[error("the file has {0}, which wgtrack's layout does not keep")]
    Layout(Layout),
}

/// What the user has agreed a save may do anyway.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Consent {
    pub read_only: bool,
    pub layout: bool,
}

impl Consent {
    /// Everything: `--force`.
    pub const ALL: Consent = Consent { read_only: true, layout: true };

    /// Agrees to what `caution` warned of.
    pub fn allow(&mut self, caution: &Caution) {
        match caution {
            Caution::ReadOnly { .. } => self.read_only = true,
            Caution::Layout(_) => self.layout = true,
        }
    }
}

/// Why a save should ask before replacing the file at `path` (through a symlink, its
/// target), if it should and `consent` does not already allow it: the file is read-only, or
/// holds what wgtrack's layout drops. A file that is not there, or cannot be read, passes:
/// the save itself says what is wrong.
pub fn caution(path: &Path, consent: Consent) -> Option<Caution> {
    let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
    if !consent.read_only
        && let Some(mode) = read_only(path, &meta)
    {
        return Some(Caution::ReadOnly { mode });
    }
    if consent.layout {
        return None;
    }
    let bytes = fs::read(path).ok()?;
    let layout = Layout::of(std::str::from_utf8(&bytes).ok()?);
    (!layout.is_kept()).then_some(Caution::Layout(layout))
}

/// The file's mode when it is read-only: when no one may write it, as its mode says (so a
/// 0444 file is read-only for root too, who could write it: vim asks root as well), or when
/// this user may not (someone else's file in a directory shared for writing, which a
/// rename would replace all the same).
#[cfg(unix)]
fn read_only(path: &Path, meta: &fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o7777;
    let denied = matches!(
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK),
        Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM)
    );
    (mode & 0o222 == 0 || denied).then_some(mode)
}

#[cfg(not(unix))]
fn read_only(_path: &Path, meta: &fs::Metadata) -> Option<u32> {
    // No mode bits here: the read-only attribute, said as the mode it stands for.
    meta.permissions().readonly().then_some(0o444)
}

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn the_layout_is_said_with_counts_and_kinds() {
        let said = |crlf, line_comments, block_comments| {
            Layout { crlf, line_comments, block_comments }.to_string()
        };
        assert_eq!(said(true, 2, 1), "Windows line endings (CR LF) and 3 comments (2 //, 1 /* */)");
        assert_eq!(said(false, 1, 0), "a comment (//)");
        assert_eq!(said(false, 0, 4), "4 comments (/* */)");
        assert_eq!(said(true, 0, 0), "Windows line endings (CR LF)");
    }
}
