//! Files and folders the backend must write, checked at start: one that
//! another user owns (a database made by a command run as root, say) is
//! named with its owner and the fix, rather than failing later as pool
//! timeouts or a store's error.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file or folder that exists and that this process may not write.
#[derive(Debug)]
pub struct Unwritable {
    pub path: PathBuf,
    /// Who owns it, by name where the system knows one.
    pub owner: String,
    /// Who the backend runs as.
    pub user: String,
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Unwritable { path, owner, user } = self;
        let path = path.display();
        write!(
            f,
            "{path} belongs to {owner}, and the backend runs as {user}, who may not write it: \
             give it to the backend's user (chown {user} {path}), or run the backend as {owner}"
        )
    }
}

/// `Ok` when `path` is missing or this process may write it (and, for a
/// folder, create files in it).
pub fn check(path: &Path) -> Result<(), Unwritable> {
    #[cfg(unix)]
    {
        use rustix::fs::Access;
        use std::os::unix::fs::MetadataExt;
        let Ok(metadata) = std::fs::metadata(path) else {
            return Ok(());
        };
        let wanted = if metadata.is_dir() {
            Access::WRITE_OK | Access::EXEC_OK
        } else {
            Access::WRITE_OK
        };
        // As the kernel will judge the process: by its effective user.
        let allowed =
            rustix::fs::accessat(rustix::fs::CWD, path, wanted, rustix::fs::AtFlags::EACCESS);
        if allowed.is_ok() {
            return Ok(());
        }
        Err(Unwritable {
            path: path.to_path_buf(),
            owner: user_name(metadata.uid()),
            user: user_name(rustix::process::geteuid().as_raw()),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// The name `/etc/passwd` gives `uid`, else the number.
#[cfg(unix)]
fn user_name(uid: u32) -> String {
    std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| {
            passwd.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_owned())
            })
        })
        .unwrap_or_else(|| format!("uid {uid}"))
}
