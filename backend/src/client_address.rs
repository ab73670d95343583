//! Who the client is, for the rate limit and the log: the connection's
//! peer, or, when that peer is a proxy the operator trusts
//! (`--trusted-proxy`), the right-most address in `X-Forwarded-For` that is
//! not itself a trusted proxy. Addresses to the left of it were written by
//! the client, which may write anything there. Without trusted proxies the
//! header is ignored.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

/// The header proxies append the address they were reached from to.
pub const FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// The client's address as the log and the rate limit see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The client of `request`: as [`resolve`] found it, else the peer's
    /// address; `None` where neither is known (a test without connect info).
    pub fn of(request: &Request) -> Option<IpAddr> {
        let extensions = request.extensions();
        (extensions.get::<ClientAddr>())
            .map(|ClientAddr(address)| *address)
            .or_else(|| {
                (extensions.get::<ConnectInfo<SocketAddr>>()).map(|ConnectInfo(peer)| peer.ip())
            })
    }
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<[IpNet]>);

impl TrustedProxies {
    pub fn new(ranges: &[IpNet]) -> TrustedProxies {
        TrustedProxies(ranges.into())
    }

    fn trust(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|range| range.contains(&address))
    }

    /// The client behind `peer`, by the `X-Forwarded-For` lines in
    /// `headers` (each a comma-separated list, the last line the nearest
    /// proxy's). Walking from the right, every trusted address is a proxy
    /// passing the request on; the first that is not is the client. An
    /// entry that is no address ends the walk at the proxy that passed it
    /// on, and so does a list of proxies only.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trust(peer) {
            return peer;
        }
        let entries: Vec<&str> = headers
            .get_all(&FORWARDED_FOR)
            .iter()
            .flat_map(|line| line.to_str().unwrap_or("?").split(','))
            .map(str::trim)
            .collect();
        let mut nearest = peer;
        for entry in entries.iter().rev() {
            let Some(address) = parse_entry(entry) else {
                return nearest;
            };
            if !self.trust(address) {
                return address;
            }
            nearest = address;
        }
        nearest
    }
}

/// An `X-Forwarded-For` entry: an IPv4 or IPv6 address, the latter also in
/// brackets, either with a port (as some proxies write them).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    if let Ok(address) = entry.parse::<IpAddr>() {
        return Some(address);
    }
    entry
        .parse::<SocketAddr>()
        .map(|socket| socket.ip())
        .ok()
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse().ok())
        })
}

/// Middleware: puts the request's [`ClientAddr`] in its extensions. A
/// router served without connect info has no peer and gets none.
pub async fn resolve(
    State(trusted): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    if let Some(peer) = peer {
        let client = trusted.client(peer, request.headers());
        request.extensions_mut().insert(ClientAddr(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn trusted(ranges: &[&str]) -> TrustedProxies {
        let ranges: Vec<IpNet> = ranges.iter().map(|range| range.parse().unwrap()).collect();
        TrustedProxies::new(&ranges)
    }

    fn forwarded(lines: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(&FORWARDED_FOR, HeaderValue::from_str(line).unwrap());
        }
        headers
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        let headers = forwarded(&["198.51.100.7"]);
        assert_eq!(none.client(ip("10.0.0.5"), &headers), ip("10.0.0.5"));
    }

    #[test]
    fn a_peer_that_is_not_trusted_is_the_client_whatever_it_says() {
        let proxies = trusted(&["10.0.0.0/24"]);
        let headers = forwarded(&["198.51.100.7"]);
        assert_eq!(
            proxies.client(ip("203.0.113.9"), &headers),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let proxies = trusted(&["10.0.0.0/24", "192.0.2.10/32"]);
        // The client wrote 1.2.3.4 itself; the edge saw 198.51.100.7 and
        // appended it; the inner proxy appended the edge's address.
        let headers = forwarded(&["1.2.3.4, 198.51.100.7, 192.0.2.10"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("198.51.100.7"));
        // The same, over several header lines.
        let headers = forwarded(&["1.2.3.4", "198.51.100.7", "192.0.2.10"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("198.51.100.7"));
    }

    #[test]
    fn ipv6_with_or_without_brackets_and_ports_are_read() {
        let proxies = trusted(&["10.0.0.0/8"]);
        for entry in ["2001:db8::7", "[2001:db8::7]", "[2001:db8::7]:4711"] {
            let headers = forwarded(&[entry]);
            assert_eq!(
                proxies.client(ip("10.0.0.5"), &headers),
                ip("2001:db8::7"),
                "{entry}"
            );
        }
        let headers = forwarded(&["198.51.100.7:4711"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("198.51.100.7"));
    }

    #[test]
    fn a_mapped_ipv4_peer_is_trusted_by_its_ipv4_range() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let headers = forwarded(&["198.51.100.7"]);
        assert_eq!(
            proxies.client(ip("::ffff:10.0.0.5"), &headers),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn garbage_or_only_proxies_end_at_the_nearest_proxy() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let headers = forwarded(&["198.51.100.7, unknown, 10.0.0.9"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("10.0.0.9"));
        let headers = forwarded(&["10.0.0.8, 10.0.0.9"]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers), ip("10.0.0.8"));
        assert_eq!(
            proxies.client(ip("10.0.0.5"), &HeaderMap::new()),
            ip("10.0.0.5")
        );
    }
}
