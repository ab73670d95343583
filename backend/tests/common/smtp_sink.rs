//! An SMTP server for the tests (scripts/smtp_sink.py, aiosmtpd) on a
//! free port, which writes each mail it takes to a folder as JSON.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// An SMTP server on 127.0.0.1 that writes each mail it takes to a folder.
pub struct Sink {
    pub port: u16,
    dir: tempfile::TempDir,
    /// More of scripts/smtp_sink.py's options, such as `--refuse ADDRESS`.
    options: Vec<String>,
    child: Option<Child>,
}

impl Sink {
    pub fn start(options: &[&str]) -> Sink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut sink = Sink {
            port,
            dir: tempfile::tempdir().unwrap(),
            options: options.iter().map(|a| a.to_string()).collect(),
            child: None,
        };
        sink.up();
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Starts the server (again), on the same port.
    pub fn up(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/smtp_sink.py");
        let mut command = Command::new("python3");
        command
            .arg(script)
            .args(["--listen", &format!("127.0.0.1:{}", self.port), "--dir"])
            .arg(self.dir.path());
        command.args(&self.options);
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (scripts/setup test installs it)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the SMTP sink never listened: is aiosmtpd installed?"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Starts the server again with these options instead.
    pub fn restart_with(&mut self, options: &[&str]) {
        self.down();
        self.options = options.iter().map(|a| a.to_string()).collect();
        self.up();
    }

    /// Stops the server: the port refuses connections until [`Sink::up`].
    pub fn down(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every mail taken so far, in the order taken.
    pub fn mails(&self) -> Vec<Value> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap())
            .collect()
    }

    /// Waits until `count` mails arrived, and a little longer for any
    /// more that should not come.
    pub async fn until(&self, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.mails().len() < count {
            assert!(
                Instant::now() < deadline,
                "{count} mails expected, got {:#?}",
                self.mails()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(700)).await;
        self.mails()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.down();
    }
}
