//! Working with git: the merge driver git runs for report files, and the setup that tells a
//! repository to use it.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::merge::merge;
use crate::store;

/// The line of `.gitattributes` that gives report files to the driver.
pub const ATTRIBUTES: &str = "*.ron merge=wgtrack";
/// What wgtrack leaves beside a report and a repository should not hold: the backup, the
/// lock, and the temporary files of a save.
pub const IGNORED: [&str; 4] = ["*.ron.bak", "*.ron.bak.tmp", "*.ron.lock", ".wgtrack-*.tmp"];

/// `wgtrack merge-driver %O %A %B %P`: merges the ancestor's, ours and theirs reports field
/// by field and writes the result over ours, in the stable layout; where both sides changed
/// a field differently, its lines are marked as git marks a conflict, and the error (exit 1)
/// says how many. Where a version does not read as a report, git's own line merge is used.
pub fn merge_driver(ancestor: &Path, ours: &Path, theirs: &Path, name: &str) -> Result<()> {
    let sides = [ancestor, ours, theirs].map(store::load);
    let [Ok(base), Ok(mine), Ok(other)] = sides else {
        let cause = sides.into_iter().find_map(Result::err).map(|e| e.to_string());
        eprintln!(
            "wgtrack: {name}: cannot merge field by field ({}); merged line by line by git",
            cause.unwrap_or_default()
        );
        return merge_lines(ancestor, ours, theirs, name);
    };
    let merged = merge(&base, &mine, &other);
    let text = store::marked_text(&merged);
    store::write_atomic(ours, text.as_bytes(), store::Expect::Anything, false)?;
    match merged.conflicts.len() {
        0 => Ok(()),
        n => bail!(
            "{name}: {} marked in the file; `wgtrack validate` lists them; keep one version of \
             each, then `git add` the file",
            if n == 1 { "1 conflict".to_string() } else { format!("{n} conflicts") }
        ),
    }
}

/// git's own three-way merge of lines, in place, with the base in each conflict.
fn merge_lines(ancestor: &Path, ours: &Path, theirs: &Path, name: &str) -> Result<()> {
    let status = Command::new("git")
        .args(["merge-file", "--diff3", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([ours, ancestor, theirs])
        .status()
        .context("cannot run git merge-file")?;
    match status.code() {
        Some(0) => Ok(()),
        Some(n) if n > 0 => bail!("{name}: {n} conflicts marked by git"),
        _ => bail!("{name}: git merge-file failed ({status})"),
    }
}

/// `wgtrack git-setup`: makes the repository of the working directory merge report files
/// with wgtrack. Each step is done only if needed, and said either way.
pub fn git_setup() -> Result<()> {
    let root = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim_end());
    add_lines(&root.join(".gitattributes"), &[ATTRIBUTES])?;
    let exe = std::env::current_exe().context("cannot find wgtrack's own path")?;
    let driver = format!("{} merge-driver %O %A %B %P", quoted(&exe.to_string_lossy()));
    set_config("merge.wgtrack.name", "wgtrack: report files merged field by field")?;
    set_config("merge.wgtrack.driver", &driver)?;
    add_lines(&root.join(".gitignore"), &IGNORED)
}

/// Appends to the file at `path` the lines it lacks.
fn add_lines(path: &Path, lines: &[&str]) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    let missing: Vec<&str> =
        lines.iter().copied().filter(|line| !text.lines().any(|l| l.trim() == *line)).collect();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if missing.is_empty() {
        println!("{name}: already has {}", lines.join(", "));
        return Ok(());
    }
    let mut new = text.clone();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    missing.iter().for_each(|line| new.extend([*line, "\n"]));
    let expect = match text.is_empty() && !path.exists() {
        true => store::Expect::Absent,
        false => store::Expect::Content(store::Fingerprint::of(text.as_bytes())),
    };
    store::write_atomic(path, new.as_bytes(), expect, false)?;
    println!("{name}: added {}", missing.join(", "));
    Ok(())
}

/// Sets a key of the repository's configuration, unless it holds that value already. Done
/// through git itself: its configuration files have quoting, sections and includes that
/// only git reads and writes exactly, and it takes its own lock on them.
fn set_config(key: &str, value: &str) -> Result<()> {
    let current = Command::new("git").args(["config", "--local", "--get", key]).output();
    if current
        .is_ok_and(|out| out.status.success() && out.stdout == format!("{value}\n").as_bytes())
    {
        println!("git config {key}: already set");
        return Ok(());
    }
    git(&["config", "--local", key, value])?;
    println!("git config {key}: set to {value}");
    Ok(())
}

/// Runs git with `args` in the working directory; what it printed, or why it failed.
fn git(args: &[&str]) -> Result<String> {
    let out = Command::new("git").args(args).output().context("cannot run git")?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        bail!("git {}: {}", args.join(" "), said.trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A word for the shell git runs the driver with, in single quotes.
fn quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
