//! Update sheets out to the working groups and their answers back in: sheets written and
//! read back untouched (nothing proposed), changed as a coordinator would (every way of
//! typing a percentage, rows moved, new rows), every refusal naming its file, sheet and
//! cell, the messy cases (ties lost, other reports, encodings), files saved by LibreOffice
//! Calc, and the `sheet` and `import` commands.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod sheets {
    mod cli;
    mod messy;
    mod refusals;
    mod review;
    mod roundtrip;
}
