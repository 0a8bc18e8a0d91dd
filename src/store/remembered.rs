//! What the app remembers of each report between sessions, in the state directory: whether
//! its objectives are folded. Losing it costs one key press, so a missing or damaged file
//! reads as nothing remembered, and a failed write stops nobody.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write::create_parent;
use super::{Expect, SaveError, Step, recovery, write_atomic};

/// A remembered view is a few dozen bytes: anything much larger is not one.
const MOST: u64 = 4096;

/// The view of one report as its last session left it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    /// `None` until the user folds or unfolds them: the app then folds them where the
    /// activity table would be left too few rows.
    pub objectives_folded: Option<bool>,
}

/// The file that remembers the view of `report_path`, in the state directory `state`: named
/// as its recovery files are, by the report's name and a digest of its full path.
pub fn file_for(state: &Path, report_path: &Path) -> PathBuf {
    state.join("views").join(format!("{}view.ron", recovery::prefix(report_path)))
}

/// What `file` remembers; nothing when it is missing, not a regular file, or not readable.
pub fn read(file: &Path) -> Remembered {
    // Not through a link, a FIFO (whose opening would wait for a writer) or a device.
    let regular = fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_file());
    let mut text = String::new();
    let read = regular
        && fs::File::open(file).and_then(|f| f.take(MOST).read_to_string(&mut text)).is_ok();
    if !read {
        return Remembered::default();
    }
    ron::from_str(&text).unwrap_or_default()
}

/// Remembers `remembered` in `file`, replacing what it held.
pub fn write(file: &Path, remembered: Remembered) -> Result<(), SaveError> {
    create_parent(file, Step::StateDir)?;
    let text = ron::to_string(&remembered).unwrap_or_default();
    write_atomic(file, text.as_bytes(), Expect::Anything, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_is_read_back_and_anything_else_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/reports/round.ron"));
        assert_eq!(read(&file), Remembered::default(), "nothing written yet");
        let folded = Remembered { objectives_folded: Some(true) };
        write(&file, folded).unwrap();
        assert_eq!(read(&file), folded);
        fs::write(&file, "(objectives_folded: maybe)").unwrap();
        assert_eq!(read(&file), Remembered::default(), "a damaged file");
        let other = file_for(dir.path(), Path::new("/reports/other.ron"));
        assert_ne!(other, file, "each report has its own");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_its_place_is_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), Path::new("/reports/round.ron"));
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        let status = std::process::Command::new("mkfifo").arg(&file).status().unwrap();
        assert!(status.success());
        assert_eq!(read(&file), Remembered::default());
    }
}
