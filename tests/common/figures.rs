//! The figures of the source document (LC/CE.20/3), written out by hand: the groups'
//! numerals and topics and every activity's progress, to check the shipped report against.

/// The group numerals of the report, in order.
pub const NUMERALS: [&str; 11] =
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];

/// The progress column of every group's activity table in the source document.
pub const PROGRESS: [&[u8]; 11] = [
    &[100, 100, 100, 100, 100, 0],
    &[100, 100, 100, 100, 90, 0, 0],
    &[70, 70, 60, 70, 50],
    &[100, 100, 100, 70, 50, 60, 10, 65, 100, 100],
    &[100, 95, 70, 0],
    &[
        100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50, 30, 10, 20, 0, 0, 20, 20,
        0, 0, 0, 0,
    ],
    &[25, 60, 30, 15],
    &[100, 100, 100, 100, 100, 100, 8, 0],
    &[100, 100, 100, 70, 50, 40, 0, 0],
    &[100, 70, 70, 70],
    &[70, 50, 50, 50, 0],
];

/// The group topics, I to XI.
pub const TOPICS: [&str; 11] = [
    "Statistical quality",
    "Censuses",
    "Disasters",
    "Gender",
    "Children and adolescents",
    "Environment",
    "Migration",
    "Administrative records",
    "Service sector",
    "Security and criminal justice",
    "Labour",
];

/// Activities of a progress list counted as (completed, in progress, not started).
pub fn tally(progress: &[u8]) -> (usize, usize, usize) {
    let completed = progress.iter().filter(|&&p| p == 100).count();
    let not_started = progress.iter().filter(|&&p| p == 0).count();
    (completed, progress.len() - completed - not_started, not_started)
}

/// The exact mean of a progress list.
pub fn mean(progress: &[u8]) -> f64 {
    let sum: u32 = progress.iter().map(|&p| u32::from(p)).sum();
    f64::from(sum) / progress.len() as f64
}

/// Every progress value of the programme, group after group.
pub fn all_progress() -> Vec<u8> {
    PROGRESS.iter().flat_map(|g| g.iter().copied()).collect()
}
