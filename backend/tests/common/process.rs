//! Programs that some tests start (the backend's binary, nginx, Prometheus,
//! the webhook receiver), as processes that end with the test.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus};

/// A process that ends when the test ends, however it ends: SIGTERM (nginx's
/// master then stops its workers), then a wait.
pub struct Running(Option<Child>);

impl Running {
    pub fn new(child: Child) -> Running {
        Running(Some(child))
    }

    /// `signal` (`TERM`, `KILL`), then how the process ended.
    pub fn stop(mut self, signal: &str) -> ExitStatus {
        let mut child = self.0.take().unwrap();
        send(&child, signal);
        child.wait().unwrap()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            send(child, "TERM");
            let _ = child.wait();
        }
    }
}

fn send(child: &Child, signal: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status();
}

/// A port that was free on 127.0.0.1 a moment ago, for a program that
/// cannot be told to take any.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The backend's address, as its first line on standard output announces
/// it ("support-backend listening on http://127.0.0.1:PORT"); `child` pipes
/// its standard output.
pub fn announced(child: &mut Child) -> String {
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line.trim()
        .strip_prefix("support-backend listening on ")
        .unwrap_or_else(|| panic!("{line:?}"))
        .to_owned()
}
