//! An activity's progress, a whole percentage that cannot leave 0–100, and the status it
//! gives.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A whole percentage from 0 to 100; no value outside that range can be built.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "i64", into = "u8")]
pub struct Progress(u8);

/// A progress value outside 0–100.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("progress must be a whole percentage from 0 to 100, found {0}")]
pub struct ProgressOutOfRange(pub i64);

impl Progress {
    pub const ZERO: Progress = Progress(0);
    pub const FULL: Progress = Progress(100);

    pub fn new(value: i64) -> Result<Self, ProgressOutOfRange> {
        match u8::try_from(value) {
            Ok(v) if v <= 100 => Ok(Progress(v)),
            _ => Err(ProgressOutOfRange(value)),
        }
    }

    /// For constants: `None` above 100.
    pub const fn new_const(value: u8) -> Option<Progress> {
        if value <= 100 { Some(Progress(value)) } else { None }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Moves by `delta` points, stopping at 0 and 100.
    pub fn step(self, delta: i64) -> Progress {
        Progress((i64::from(self.0) + delta).clamp(0, 100) as u8)
    }

    pub fn status(self) -> Status {
        match self.0 {
            0 => Status::NotStarted,
            100 => Status::Completed,
            _ => Status::InProgress,
        }
    }
}

impl TryFrom<i64> for Progress {
    type Error = ProgressOutOfRange;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Progress::new(value)
    }
}

impl From<Progress> for u8 {
    fn from(p: Progress) -> u8 {
        p.0
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Where an activity stands, derived from its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Completed, Status::InProgress, Status::NotStarted];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_holds_only_whole_percentages() {
        assert!(Progress::new(101).is_err());
        assert!(Progress::new(-1).is_err());
        assert_eq!(Progress::new(100).map(Progress::get), Ok(100));
        assert_eq!(Progress::new(95).unwrap().step(10), Progress::FULL);
        assert_eq!(Progress::new(3).unwrap().step(-5), Progress::ZERO);
    }

    #[test]
    fn status_follows_progress() {
        assert_eq!(Progress::ZERO.status(), Status::NotStarted);
        assert_eq!(Progress::new(8).unwrap().status(), Status::InProgress);
        assert_eq!(Progress::FULL.status(), Status::Completed);
    }
}
