//! Rebuilds the crate when a migration changes: `sqlx::migrate!` embeds the
//! files at compile time, and Cargo does not see that dependency on its own.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
