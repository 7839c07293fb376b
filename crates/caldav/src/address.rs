//! The server address a person types: HTTPS, or plain HTTP only to this machine.

use std::net::IpAddr;

use http::Uri;

use crate::CalDavError;

/// A checked server URL: `https://…`, or `http://` to a loopback address
/// (a server on this machine, as the tests run), never plain HTTP across a network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(Uri);

impl ServerUrl {
    pub fn parse(text: &str) -> Result<ServerUrl, CalDavError> {
        let text = text.trim();
        let uri: Uri = text.parse().map_err(|_| CalDavError::BadUrl(format!("{text:?} is not a web address")))?;
        let host = uri.host().ok_or_else(|| CalDavError::BadUrl(format!("{text:?} names no server")))?;
        match uri.scheme_str() {
            Some("https") => {}
            Some("http") if is_loopback(host) => {}
            Some("http") => {
                return Err(CalDavError::BadUrl(format!(
                    "{text:?} is not encrypted: use https:// (plain http only reaches a server on this machine)"
                )));
            }
            _ => return Err(CalDavError::BadUrl(format!("{text:?} must start with https://"))),
        }
        Ok(ServerUrl(uri))
    }

    pub fn uri(&self) -> &Uri {
        &self.0
    }

    /// Whether the server is on this machine (no DNS service discovery then).
    pub fn is_loopback(&self) -> bool {
        self.0.host().is_some_and(is_loopback)
    }
}

impl std::fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_on_this_machine() {
        assert!(ServerUrl::parse("https://dav.example.org/").is_ok());
        assert!(ServerUrl::parse("http://127.0.0.1:5232/").unwrap().is_loopback());
        assert!(ServerUrl::parse("http://[::1]:5232/").is_ok());
        assert!(ServerUrl::parse("http://localhost/").is_ok());
        let err = ServerUrl::parse("http://dav.example.org/").unwrap_err();
        assert!(err.to_string().contains("not encrypted"), "{err}");
        assert!(ServerUrl::parse("ftp://dav.example.org/").is_err());
        assert!(ServerUrl::parse("dav.example.org").is_err());
        assert!(ServerUrl::parse("http://127.0.0.2.example.org/").is_err(), "a name is not a loopback address");
    }
}
