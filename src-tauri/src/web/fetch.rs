//! One-shot HTTPS GETs with bounds: hyper over rustls trusting what the
//! operating system trusts (as the CalDAV client does), a connect timeout, a
//! timeout per request and a cap on what a response may weigh, so that a slow
//! or hostile server can neither hang the window nor fill its memory.

use std::error::Error as StdError;
use std::time::Duration;

use http_body_util::{BodyExt, Limited};
use hyper::{Request, StatusCode, Uri};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::{Error, Result};

/// A server that takes longer than this to accept a connection is out of reach.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// No request, its body included, waits longer than this.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What a GET found: the body, or nothing at that address (404).
#[derive(Debug, PartialEq, Eq)]
pub enum Fetched {
    Body(Vec<u8>),
    NotFound,
}

pub struct Fetcher {
    runtime: tokio::runtime::Runtime,
    client: Client<HttpsConnector<HttpConnector>, String>,
}

impl Fetcher {
    pub fn new() -> Result<Fetcher> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Network(format!("no network runtime: {e}")))?;
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let https = HttpsConnectorBuilder::new()
            .with_native_roots()
            .map_err(|e| Error::Network(format!("this computer's trusted certificates could not be read: {e}")))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Ok(Fetcher { runtime, client: Client::builder(TokioExecutor::new()).build(https) })
    }

    /// GETs `url` (already checked: HTTPS, or plain HTTP to this machine),
    /// refusing a body over `cap` bytes.
    pub fn get(&self, url: &str, cap: usize) -> Result<Fetched> {
        let uri: Uri = url.parse().map_err(|_| Error::Network(format!("{url:?} is not a web address")))?;
        let server = server(&uri);
        let request = Request::get(uri)
            .header(hyper::header::USER_AGENT, concat!("Quarterdeck/", env!("CARGO_PKG_VERSION")))
            .body(String::new())
            .map_err(|e| Error::Network(format!("{url}: {e}")))?;
        let exchange = async {
            let response = self.client.request(request).await.map_err(|e| unreachable(&server, &e))?;
            match response.status() {
                StatusCode::OK => {}
                StatusCode::NOT_FOUND => return Ok(Fetched::NotFound),
                status => return Err(Error::Network(format!("{url} answered {status}"))),
            }
            let body = Limited::new(response.into_body(), cap).collect().await.map_err(|e| {
                if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() {
                    Error::Network(format!("{url} is larger than {} MB: not a listing file", cap / 1_000_000))
                } else {
                    Error::Network(format!("{url} broke off: {}", root_cause(e.as_ref())))
                }
            })?;
            Ok(Fetched::Body(body.to_bytes().to_vec()))
        };
        self.runtime.block_on(async { tokio::time::timeout(REQUEST_TIMEOUT, exchange).await }).unwrap_or_else(|_| {
            Err(Error::Network(format!("{server} did not answer within {} seconds", REQUEST_TIMEOUT.as_secs())))
        })
    }
}

/// The address as a person would check it: host and port.
fn server(uri: &Uri) -> String {
    let host = uri.host().unwrap_or("?");
    let port = uri.port_u16().unwrap_or(if uri.scheme_str() == Some("http") { 80 } else { 443 });
    format!("{host}:{port}")
}

/// A request that never got an answer: most often no network at all.
fn unreachable(server: &str, err: &hyper_util::client::legacy::Error) -> Error {
    let cause = root_cause(err);
    if err.is_connect() {
        Error::Network(format!("cannot reach {server}: you may be offline ({cause})"))
    } else {
        Error::Network(format!("{server} did not answer: {cause}"))
    }
}

fn root_cause(err: &(dyn StdError + 'static)) -> String {
    let mut deepest = err;
    while let Some(next) = deepest.source() {
        deepest = next;
    }
    deepest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// A loopback server answering every request with `head` and `body_len` bytes.
    fn serve(head: &'static str, body_len: usize) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut request = [0u8; 4096];
                let _ = stream.read(&mut request);
                let reply = format!("{head}\r\nContent-Length: {body_len}\r\nConnection: close\r\n\r\n");
                let _ = stream.write_all(reply.as_bytes()).and_then(|_| stream.write_all(&vec![b' '; body_len]));
            }
        });
        format!("http://127.0.0.1:{port}/2026/rust.json")
    }

    #[test]
    fn a_body_over_the_cap_is_refused_and_one_under_it_kept() {
        let url = serve("HTTP/1.1 200 OK", 2_000_000);
        let fetcher = Fetcher::new().unwrap();
        let err = fetcher.get(&url, 1_000_000).unwrap_err();
        assert!(err.to_string().contains("is larger than 1 MB"), "{err}");
        assert_eq!(fetcher.get(&url, 3_000_000).unwrap(), Fetched::Body(vec![b' '; 2_000_000]));
    }

    #[test]
    fn not_found_is_an_answer_and_another_status_an_error_naming_the_address() {
        let fetcher = Fetcher::new().unwrap();
        assert_eq!(fetcher.get(&serve("HTTP/1.1 404 Not Found", 3), 100).unwrap(), Fetched::NotFound);
        let url = serve("HTTP/1.1 503 Service Unavailable", 0);
        let err = fetcher.get(&url, 100).unwrap_err();
        assert_eq!(err.to_string(), format!("{url} answered 503 Service Unavailable"));
        assert_eq!(err.code(), crate::error::ErrorCode::Network);
    }
}
