//! Who the page says is signed in, and what a refused token leads to.
//!
//! The page hands the widget a token provider (`setTokenProvider`); its
//! token goes with every request as `Authorization: Bearer`. The backend
//! verifies it; the widget only reads, for display, whom it names.

use serde_json::{Map, Value};
use support_contract::{FieldError, NewSupportRequest};

use crate::json;

/// One request's way through an expired token: sent with the token the
/// widget has; a 401 asks the provider once more, and the same request goes
/// again with the fresh token. No fresh token, or a second 401, ends the
/// session: the 401 is then the request's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Authorizing {
    renewed: bool,
}

/// What follows a step of [`Authorizing`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// The answer is the request's.
    Answered,
    /// Ask the provider for a fresh token.
    Renew,
    /// Send the request again, with the fresh token.
    SendAgain,
    /// The page's sign-in has ended: the user must sign in again.
    Ended,
}

impl Authorizing {
    /// After an answer with `status`.
    pub fn answered(&mut self, status: u16) -> Next {
        match status {
            401 if self.renewed => Next::Ended,
            401 => {
                self.renewed = true;
                Next::Renew
            }
            _ => Next::Answered,
        }
    }

    /// After the provider's answer to [`Next::Renew`]: a token or none.
    pub fn renewed(self, token: Option<&str>) -> Next {
        if token.is_some() {
            Next::SendAgain
        } else {
            Next::Ended
        }
    }
}

/// Whom a token names, read from its payload for display, and to keep one
/// user's drafts apart from another's on a shared browser: never trusted,
/// since the backend verifies the token and files the request as the
/// claims it verified say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
    /// The user, as a digest of the token's `iss` and `sub` claims: what
    /// their storage keys end with, without writing who they are in clear.
    pub user: String,
}

impl Identity {
    /// The `name` and `email` claims of a JWT (`header.payload.signature`,
    /// base64url JSON), empty where it has none or cannot be read; the user
    /// by its `iss` and `sub`.
    pub fn of_token(token: &str) -> Identity {
        let payload = token.split('.').nth(1).and_then(base64url);
        let claims = payload
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|json| json::from_str::<Map<String, Value>>(&json).ok())
            .unwrap_or_default();
        // A claim that is not a string is none, the others still count.
        let claim = |name: &str| {
            (claims.get(name))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Identity {
            name: claim("name"),
            email: claim("email"),
            user: digest(&[&claim("iss"), &claim("sub")]),
        }
    }
}

/// FNV-1a (64 bits) of `parts`, each ended by a zero byte, in hex: short,
/// and the same on every load. It only keeps storage apart; it protects
/// nothing (the storage is the page's, and the token holds the same).
fn digest(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|part| part.bytes().chain([0])) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Base64url (or base64) without padding, decoded; none when it has other
/// characters. Decoded here rather than with `atob`, whose binary string
/// would need decoding again as UTF-8 (a name in Chinese).
fn base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        bits = (bits << 6 | u32::from(value)) & 0xfff;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// Whether the page has signed its user in, as the form shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Session {
    /// No token: no provider, or one that gave none. The form asks whom to
    /// contact.
    #[default]
    None,
    /// The provider's first answer is on its way.
    Asking,
    /// A token names the user.
    SignedIn(Identity),
}

/// Whose drafts and list of filed requests the widget reads and writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageOwner {
    /// No one signed in: the device's, as kept before any sign-in.
    Device,
    /// A signed-in user's (`Identity::user`), which no other user of the
    /// browser sees.
    User(String),
}

impl StorageOwner {
    /// The signed-in user's `Identity::user`; none for the device.
    pub fn user(&self) -> Option<&str> {
        match self {
            StorageOwner::Device => None,
            StorageOwner::User(user) => Some(user),
        }
    }

    /// What storage keys end with: nothing for the device, so that what it
    /// kept before users were told apart is still its own.
    pub fn key_suffix(&self) -> String {
        match self {
            StorageOwner::Device => String::new(),
            StorageOwner::User(user) => format!(":user-{user}"),
        }
    }
}

impl Session {
    /// Whose things the widget keeps: none while the provider's first answer
    /// is on its way, so that nothing of one user is shown to another, nor
    /// written where the next user would read it.
    pub fn storage_owner(&self) -> Option<StorageOwner> {
        match self {
            Session::None => Some(StorageOwner::Device),
            Session::Asking => None,
            Session::SignedIn(identity) => Some(StorageOwner::User(identity.user.clone())),
        }
    }

    /// Whether the form asks for the contact's name and email: not a
    /// signed-in user's (nor while the provider is asked, which will likely
    /// sign one in), whom the backend knows from the token; but it does ask
    /// when the token names no one (no `name` or no `email` claim), since
    /// the backend then takes the body's.
    pub fn asks_contact(&self) -> bool {
        match self {
            Session::None => true,
            Session::Asking => false,
            Session::SignedIn(identity) => {
                identity.name.trim().is_empty() || identity.email.trim().is_empty()
            }
        }
    }

    /// The request as a signed-in user sends it: the name and email from
    /// the token (the backend replaces them with the claims it verified).
    pub fn sign(&self, request: &mut NewSupportRequest) {
        if self.asks_contact() {
            return;
        }
        if let Session::SignedIn(identity) = self {
            request.contact.name = identity.name.clone();
            request.contact.email = identity.email.clone();
        }
    }

    /// Whether a problem the widget's own validation found holds the
    /// request back: never the name and email of a user the form does not
    /// ask for them.
    pub fn holds_back(&self, problem: &FieldError) -> bool {
        self.asks_contact() || !matches!(problem.field.as_str(), "contact.name" | "contact.email")
    }
}

/// The headers of a request: the page's (`setRequestHeaders`), then the
/// token's `Authorization`, which replaces any the page gave. (An
/// `XMLHttpRequest` joins two headers of one name into one value, which no
/// backend reads as a token.)
pub fn request_headers<'a>(
    page: &'a [(String, String)],
    bearer: Option<&str>,
) -> Vec<(&'a str, String)> {
    let page = page
        .iter()
        .filter(|(name, _)| bearer.is_none() || !name.eq_ignore_ascii_case("authorization"))
        .map(|(name, value)| (name.as_str(), value.clone()));
    page.chain(bearer.map(|token| ("Authorization", format!("Bearer {token}"))))
        .collect()
}

/// Whether a request's headers (as [`request_headers`] gives them) carry a
/// sign-in: an `Authorization`, the provider's token or the page's own.
/// Other headers of the page's (a tenant, say) sign no one in.
pub fn carries_sign_in(headers: &[(&str, String)]) -> bool {
    (headers.iter()).any(|(name, _)| name.eq_ignore_ascii_case("authorization"))
}

/// How the page's sign-in ended, as the page hears it in
/// `support-widget:error` (in English, for its developers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEnd {
    /// The backend asked for a sign-in, and the refused request carried
    /// none (no `Authorization`): most likely the page has not called
    /// `setTokenProvider`. Its developer also reads it in the console.
    NoSignIn,
    /// The backend refused the sign-in the request carried.
    Refused,
    /// The backend refused the sign-in the page gave after a session ended,
    /// before it accepted any request of it.
    RefusedFromTheStart,
}

impl SessionEnd {
    /// The end of a session whose last refused request `carried` a sign-in
    /// (see [`carries_sign_in`]), `from_the_start` of a new sign-in.
    pub fn of(carried: bool, from_the_start: bool) -> SessionEnd {
        match (from_the_start, carried) {
            (true, _) => SessionEnd::RefusedFromTheStart,
            (false, false) => SessionEnd::NoSignIn,
            (false, true) => SessionEnd::Refused,
        }
    }

    /// The event's `code`.
    pub fn code(self) -> &'static str {
        match self {
            SessionEnd::RefusedFromTheStart => "sign_in_refused",
            SessionEnd::NoSignIn | SessionEnd::Refused => "session_ended",
        }
    }

    /// The event's `message`.
    pub fn message(self) -> &'static str {
        match self {
            SessionEnd::NoSignIn => {
                "the support service asks for a sign-in, and the page gave none: \
                 give the widget the user's token with setTokenProvider"
            }
            SessionEnd::Refused => "the support service refused the sign-in",
            SessionEnd::RefusedFromTheStart => "the support service refused the new sign-in too",
        }
    }
}

#[cfg(test)]
mod tests;
