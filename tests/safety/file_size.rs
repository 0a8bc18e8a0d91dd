//! A file size limit (`ulimit -f`) smaller than the report: the save fails with a message,
//! as any failed write does, instead of SIGXFSZ killing wgtrack with its temporary file and
//! its lock left behind.

use std::fs;
use std::process::Command;

use wgtrack::store::{self, lock};

use crate::common::describe;
use crate::common::home::Home;

#[test]
fn a_save_past_the_file_size_limit_fails_cleanly() {
    let home = Home::new();
    assert!(store::SHIPPED.len() > 20 * 1024, "the report is larger than the limit");
    let mut command = Command::new("sh");
    command.arg("-c").arg("ulimit -f 10; exec \"$0\" \"$@\"");
    command.arg(env!("CARGO_BIN_EXE_wgtrack"));
    command.args(["-f", "report.ron", "set", "VIII", "7", "--progress", "40"]);
    let wgtrack = home.wgtrack();
    command.current_dir(home.path()).stdin(std::process::Stdio::null());
    command.envs(wgtrack.get_envs().filter_map(|(k, v)| Some((k, v?))));
    command.env_remove("WGTRACK_FILE").env_remove("FAILPOINTS");
    let output = command.output().expect("run wgtrack under a file size limit");

    assert_eq!(output.status.code(), Some(1), "an error, not a signal: {}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("report.ron"), "the message names the file: {stderr}");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the file is unchanged");
    assert!(!lock::lock_path(&home.file).exists(), "the lock is let go");
    let left: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left: {left:?}");
}
