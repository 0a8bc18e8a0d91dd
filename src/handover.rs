//! The user's own editor on a text of the app's: the text in a temporary file (in the state
//! directory, so a crash leaves it where recovery files are), the editor run on it with the
//! terminal handed over, and what it left read back.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::app::Handover;

/// Which editor to run: `$VISUAL`, else `$EDITOR`, else `vi`, as git and most tools choose.
pub fn editor_command(var: impl Fn(&str) -> Option<String>) -> String {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs `editor` on `handover`'s text and returns the text it left, or why there is none.
/// `editor` is a shell command (it may carry arguments, as `code --wait` does), given the
/// file as its last argument. Runs with the terminal as it is: the caller hands it over.
pub fn edit(handover: &Handover, editor: &str) -> Result<String, String> {
    let dir = handover.dir.as_deref().map(editing_dir);
    let file = temp_file(dir.as_deref(), &handover.text).map_err(|e| e.to_string())?;
    // The file as the shell's "$1", so its name is never read as shell words.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&*file)
        .status()
        .map_err(|e| format!("{editor}: {e}"))?;
    if !status.success() {
        return Err(format!("{editor}: {status}"));
    }
    // Read by name: editors often write a new file and rename it over the old one.
    let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
    Ok(taken_back(&handover.text, &text))
}

/// The temporary file holding `text`, in `dir` (made if need be) or the system's.
fn temp_file(dir: Option<&Path>, text: &str) -> io::Result<tempfile::TempPath> {
    let dir = match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir.to_path_buf()
        }
        None => std::env::temp_dir(),
    };
    // .md: the texts use CommonMark's *emphasis*, which editors then show.
    let mut file = tempfile::Builder::new().prefix("wgtrack-").suffix(".md").tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    Ok(file.into_temp_path())
}

/// The text an editor left, as the app keeps text: line ends as `\n`, and without the final
/// line end editors add, unless the text had one.
fn taken_back(before: &str, after: &str) -> String {
    let text = after.replace("\r\n", "\n");
    match text.strip_suffix('\n') {
        Some(trimmed) if !before.ends_with('\n') => trimmed.to_string(),
        _ => text,
    }
}

/// Where texts being edited outside are kept, in the state directory.
pub fn editing_dir(state: &Path) -> PathBuf {
    state.join("editing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_is_visual_then_editor_then_vi() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(editor_command(env(&[("VISUAL", "nano"), ("EDITOR", "ed")])), "nano");
        assert_eq!(editor_command(env(&[("VISUAL", " "), ("EDITOR", "ed")])), "ed");
        assert_eq!(editor_command(env(&[])), "vi");
    }

    #[test]
    fn the_final_line_end_an_editor_adds_is_dropped_and_crlf_read_as_lf() {
        assert_eq!(taken_back("one", "one two\n"), "one two");
        assert_eq!(taken_back("one\n", "one two\n"), "one two\n");
        assert_eq!(taken_back("a", "a\r\n\r\nb\r\n"), "a\n\nb");
    }

    #[test]
    fn a_scripted_editor_rewrites_the_text_and_a_failing_one_gives_nothing_back() {
        let state = tempfile::tempdir().unwrap();
        let handover = Handover { text: "old words".into(), dir: Some(state.path().into()) };
        let upper = "f() { tr a-z A-Z < \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"; }; f";
        assert_eq!(edit(&handover, upper), Ok("OLD WORDS".to_string()));
        assert!(edit(&handover, "false").is_err());
        let left: Vec<_> = std::fs::read_dir(editing_dir(state.path())).unwrap().collect();
        assert!(left.is_empty(), "no temporary file is left behind: {left:?}");
    }
}
