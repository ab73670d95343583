//! Files attached to requests: uploaded before the request is filed
//! ([`routes`]), kept in a folder, Azure Blob Storage or S3 ([`files`]),
//! recorded in the database ([`metadata`]), attached in the request's
//! transaction (or copied into an escalation from the customer's message,
//! [`carried`]), downloaded with headers that keep them from running as a
//! page ([`download`]), and deleted when no request took them in time
//! ([`orphans`]). The limits and kinds are the contract's
//! (`contract/src/attachments.rs`).

pub mod carried;
pub mod download;
pub mod files;
pub mod metadata;
pub mod orphans;
pub mod routes;

/// How many bytes of uploads that no request took yet one user may hold:
/// room for five files of the largest size, far from a full disk.
pub const UPLOAD_QUOTA_BYTES: u64 = 50 * 1024 * 1024;
