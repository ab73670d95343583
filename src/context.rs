//! What the components of one widget share, one context per concern, each
//! provided by the widget root (`app::Widget`) and asked for by name with
//! Leptos's `expect_context`:
//!
//! - [`Words`]: the locale shown, and its messages;
//! - [`Connection`]: the backend, whom the widget serves, who is signed in,
//!   and how a request is sent (the typed `api::` functions send it);
//! - [`Navigation`]: where the user is, and what they chose on the way;
//! - [`FiledRequests`]: the requests this user filed, as the device keeps
//!   them;
//! - [`Host`]: the `<support-widget>` element: the page's events, and
//!   where focus goes.
//!
//! Each `<support-widget>` has its own.

mod connection;
mod filed_requests;
mod focus;
mod host;
mod navigation;
mod words;

pub use connection::{Connection, SignedInAgain};
pub use filed_requests::{FiledRequests, ForgottenFiled, RemovedFiled};
pub use focus::{page_has_focus, scroll_into_sight};
pub use host::Host;
pub use navigation::Navigation;
pub use words::Words;
