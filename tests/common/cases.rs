//! How many cases a property test tries, and where a failing one is kept.

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};

/// `cases` cases; a failing case is kept in `<the test's source file>.proptest-regressions`, to
/// be tried first from then on.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}
