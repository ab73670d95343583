//! Where uploaded files are kept, as `--attachments-url` names it, and the
//! client of that store.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use object_store::aws::AmazonS3Builder;
use object_store::azure::MicrosoftAzureBuilder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::ObjectStore;

/// A store of uploaded files, and the folder inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// `file:///DIR`: a folder on this host (or a network file system
    /// that several hosts mount).
    Folder(PathBuf),
    /// `azure://CONTAINER/PREFIX`: Azure Blob Storage, the account and its
    /// credentials from the `AZURE_*` variables.
    Azure { container: String, prefix: String },
    /// `s3://BUCKET/PREFIX`: Amazon S3 or a store that speaks its API, the
    /// endpoint and credentials from the `AWS_*` variables.
    S3 { bucket: String, prefix: String },
}

impl std::str::FromStr for Location {
    type Err = String;

    fn from_str(value: &str) -> Result<Location, String> {
        let refused = || {
            format!(
                "{value:?} must be file:///DIR, azure://CONTAINER[/PREFIX] or s3://BUCKET[/PREFIX]"
            )
        };
        let url = url::Url::parse(value.trim()).map_err(|_| refused())?;
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
            return Err(refused());
        }
        let (bucket, prefix) = match url.scheme() {
            "file" => {
                let dir = url.to_file_path().map_err(|()| refused())?;
                return Ok(Location::Folder(dir));
            }
            "azure" | "s3" => match url.host_str() {
                Some(bucket) if !bucket.is_empty() => {
                    (bucket.to_owned(), url.path().trim_matches('/').to_owned())
                }
                _ => return Err(refused()),
            },
            _ => return Err(refused()),
        };
        // The store's own path rules: no empty, `.` or `..` segments.
        ObjectPath::parse(&prefix).map_err(|error| format!("{value:?}: {error}"))?;
        Ok(match url.scheme() {
            "azure" => Location::Azure {
                container: bucket,
                prefix,
            },
            _ => Location::S3 { bucket, prefix },
        })
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (scheme, bucket, prefix) = match self {
            Location::Folder(dir) => return write!(f, "file://{}", dir.display()),
            Location::Azure { container, prefix } => ("azure", container, prefix),
            Location::S3 { bucket, prefix } => ("s3", bucket, prefix),
        };
        write!(f, "{scheme}://{bucket}")?;
        if !prefix.is_empty() {
            write!(f, "/{prefix}")?;
        }
        Ok(())
    }
}

impl Location {
    /// The same store with `child` appended to the prefix (or the folder).
    pub fn join(&self, child: &str) -> Location {
        let join = |prefix: &str| match prefix {
            "" => child.to_owned(),
            prefix => format!("{prefix}/{child}"),
        };
        match self {
            Location::Folder(dir) => Location::Folder(dir.join(child)),
            Location::Azure { container, prefix } => Location::Azure {
                container: container.clone(),
                prefix: join(prefix),
            },
            Location::S3 { bucket, prefix } => Location::S3 {
                bucket: bucket.clone(),
                prefix: join(prefix),
            },
        }
    }

    /// A client of the store and the prefix the files go under. Nothing is
    /// asked of the store yet.
    pub(super) fn client(&self) -> object_store::Result<(Arc<dyn ObjectStore>, ObjectPath)> {
        Ok(match self {
            Location::Folder(dir) => (
                Arc::new(LocalFileSystem::new_with_prefix(dir)?),
                ObjectPath::default(),
            ),
            // `from_env` reads every setting the crate knows (account, key,
            // SAS, managed identity, endpoint, emulator), so the backend
            // has no flags of its own for them.
            Location::Azure { container, prefix } => (
                Arc::new(
                    MicrosoftAzureBuilder::from_env()
                        .with_container_name(container)
                        .build()?,
                ),
                ObjectPath::from(prefix.as_str()),
            ),
            Location::S3 { bucket, prefix } => (
                Arc::new(
                    AmazonS3Builder::from_env()
                        .with_bucket_name(bucket)
                        .build()?,
                ),
                ObjectPath::from(prefix.as_str()),
            ),
        })
    }

    /// The size of the parts a large upload is sent in: S3 takes no part
    /// under 5 MiB but the last; elsewhere smaller parts hold less of an
    /// upload in memory.
    pub(super) fn part_size(&self) -> usize {
        match self {
            Location::S3 { .. } => 5 * 1024 * 1024,
            Location::Folder(_) | Location::Azure { .. } => 1024 * 1024,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<Location, String> {
        value.parse()
    }

    #[test]
    fn the_three_stores_parse_and_print_back() {
        assert_eq!(
            parse("file:///var/lib/support/attachments"),
            Ok(Location::Folder("/var/lib/support/attachments".into()))
        );
        assert_eq!(
            parse("azure://support/prod/attachments/"),
            Ok(Location::Azure {
                container: "support".into(),
                prefix: "prod/attachments".into()
            })
        );
        assert_eq!(
            parse("s3://support-files"),
            Ok(Location::S3 {
                bucket: "support-files".into(),
                prefix: String::new()
            })
        );
        for url in [
            "file:///var/lib/support",
            "azure://support/prod",
            "s3://support-files",
        ] {
            assert_eq!(parse(url).unwrap().to_string(), url);
        }
        assert_eq!(
            parse("azure://support/prod").unwrap().join("test-1"),
            parse("azure://support/prod/test-1").unwrap()
        );
    }

    #[test]
    fn other_urls_are_refused_with_the_forms_that_work() {
        for url in [
            "attachments",
            "/var/lib/attachments",
            "https://account.blob.core.chinacloudapi.cn/support",
            "gs://bucket/prefix",
            "azure:///prefix",
            "s3://bucket/a//b",
            "azure://key:secret@container/prefix",
            "s3://bucket/prefix?region=cn-north-1",
        ] {
            let error = parse(url).unwrap_err();
            assert!(error.contains(&format!("{url:?}")), "{error}");
        }
        assert!(parse("gs://bucket")
            .unwrap_err()
            .contains("azure://CONTAINER"));
    }
}
