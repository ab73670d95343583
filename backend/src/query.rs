//! Query strings as the contract reads them: a parameter given twice is
//! 400 `invalid_value` naming that parameter, on every operation alike.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use support_contract::{ErrorCode, FieldError};

use crate::error::ApiError;

/// The query string of `T`'s parameters; unknown parameters are ignored.
#[derive(Debug)]
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        // Every parameter is text, so the only refusal is a repeat.
        Query::try_from_uri(&parts.uri)
            .map(|Query(params)| Params(params))
            .map_err(|_| {
                let field = repeated(parts.uri.query().unwrap_or("")).unwrap_or_default();
                ApiError::BadQuery(FieldError::new(&field, ErrorCode::InvalidValue))
            })
    }
}

/// The first parameter name (decoded) that `query` gives twice.
pub fn repeated(query: &str) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(name, _)| name.into_owned())
        .find(|name| !seen.insert(name.clone()))
}

#[cfg(test)]
mod tests {
    use super::repeated;

    #[test]
    fn names_the_first_parameter_given_twice_as_decoded() {
        assert_eq!(repeated("query=a&query=b"), Some("query".into()));
        assert_eq!(
            repeated("locale=zh-CN&query=a&loc%61le=es-ES"),
            Some("locale".into())
        );
        assert_eq!(repeated("service=azure&locale=zh-CN"), None);
        assert_eq!(repeated(""), None);
    }
}
