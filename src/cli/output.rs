//! Where a command's output file goes: never over the report it reads nor over a report
//! open in wgtrack; into a device or a pipe by opening it; over a regular file all at once,
//! and only when asked to replace it.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::store;

/// How an output file is to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Destination {
    /// A device, a pipe or standard output by its name: opened and written, never renamed
    /// over (as root, a rename would put a file where `/dev/null` was).
    Special,
    /// A regular file, replaced atomically if it holds what `Expect` says.
    Regular(store::Expect),
}

/// Checks that `output` may be written by a command reading `report`; `force` allows an
/// existing regular file to be replaced.
pub(super) fn destination(output: &Path, report: &Path, force: bool) -> Result<Destination> {
    let shown = output.display();
    let Ok(meta) = fs::metadata(output) else {
        return Ok(Destination::Regular(store::Expect::Absent));
    };
    if same_file(output, &meta, report) {
        bail!("{shown}: is the report itself; choose another output file");
    }
    if meta.is_dir() {
        bail!("{shown}: is a directory; name a file to write");
    }
    if !meta.is_file() || output.starts_with("/dev") || output.starts_with("/proc") {
        return Ok(Destination::Special);
    }
    // Read only now that it is known to be a regular file: reading a pipe would wait.
    let resolved = fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    for name in [output, resolved.as_path()] {
        let lock = store::lock::lock_path(name);
        if fs::metadata(&lock).is_ok_and(|m| m.is_file()) && !store::lock::is_stale(&lock) {
            bail!(
                "{shown}: is a report open in wgtrack (its lock {} is held); choose another \
                 output file",
                lock.display()
            );
        }
    }
    if store::lock::holder(output).is_some() {
        bail!("{shown}: is a wgtrack lock file; choose another output file");
    }
    if !force {
        bail!("{shown}: the file exists; pass --force to replace it");
    }
    Ok(Destination::Regular(store::Expect::Anything))
}

/// Writes `bytes` to `output` as `destination` says.
pub(super) fn write(output: &Path, destination: Destination, bytes: &[u8]) -> Result<()> {
    match destination {
        Destination::Special => {
            let mut file = fs::OpenOptions::new()
                .append(true)
                .open(output)
                .with_context(|| format!("{}: cannot open it to write", output.display()))?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .with_context(|| format!("{}: cannot write", output.display()))?;
        }
        Destination::Regular(expect) => store::write_atomic(output, bytes, expect, false)?,
    }
    Ok(())
}

/// Whether the file described by `meta` is the file at `other`, whatever links lead there.
#[cfg(unix)]
fn same_file(_path: &Path, meta: &fs::Metadata, other: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(other).is_ok_and(|o| o.dev() == meta.dev() && o.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(path: &Path, _meta: &fs::Metadata, other: &Path) -> bool {
    matches!((fs::canonicalize(path), fs::canonicalize(other)), (Ok(a), Ok(b)) if a == b)
}
