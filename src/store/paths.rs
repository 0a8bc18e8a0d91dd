//! Where wgtrack keeps its files: the data, state and configuration directories. They are
//! given to everything that reads or writes there, so tests and benchmarks build them in a
//! directory of their own instead of changing the process's environment.

use std::path::{Path, PathBuf};

/// The three directories of wgtrack's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The default report (`$XDG_DATA_HOME/wgtrack` on Linux).
    pub data: PathBuf,
    /// Recovery journals (`$XDG_STATE_HOME/wgtrack`).
    pub state: PathBuf,
    /// The configuration file (`$XDG_CONFIG_HOME/wgtrack`).
    pub config: PathBuf,
}

/// The file name of the default report inside the data directory.
pub const DEFAULT_FILE_NAME: &str = "report.ron";
/// The file name of the configuration inside the config directory.
pub const CONFIG_FILE_NAME: &str = "config.ron";

impl Paths {
    /// The platform's directories, from the environment; `None` without a home directory.
    pub fn from_env() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "wgtrack")?;
        Some(Paths {
            data: dirs.data_dir().to_path_buf(),
            state: dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir()).to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
        })
    }

    /// All three inside `root`, for tests and benchmarks.
    pub fn under(root: &Path) -> Paths {
        Paths { data: root.join("data"), state: root.join("state"), config: root.join("config") }
    }

    /// Where recovery journals go.
    pub fn recovery_dir(&self) -> PathBuf {
        self.state.join("recovery")
    }

    /// The report opened when no file is named.
    pub fn default_report(&self) -> PathBuf {
        self.data.join(DEFAULT_FILE_NAME)
    }

    /// The configuration file.
    pub fn config_file(&self) -> PathBuf {
        self.config.join(CONFIG_FILE_NAME)
    }
}
