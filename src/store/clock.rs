//! The time of day, given to what records it (a lock's holder, a journal and its file's
//! name), so that tests can set it instead of depending on when they run.

use std::time::SystemTime;

/// Where the time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The system's clock.
    #[default]
    System,
    /// Always this time.
    Fixed(SystemTime),
}

impl Clock {
    pub fn now(self) -> SystemTime {
        match self {
            Clock::System => SystemTime::now(),
            Clock::Fixed(time) => time,
        }
    }
}
