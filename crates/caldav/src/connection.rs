//! One authenticated connection to a calendar server: hyper over rustls
//! (trusting what the operating system trusts), Basic authentication, and a small runtime
//! of its own so that callers (the CLI, a background sync) stay synchronous.

use std::error::Error as StdError;
use std::future::Future;
use std::time::Duration;

use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use libdav::CalDavClient;
use libdav::dav::{RequestError, WebDavClient, WebDavError};
use tower_http::auth::AddAuthorization;

use crate::{CalDavError, ServerUrl};

pub(crate) type Http = AddAuthorization<Client<HttpsConnector<HttpConnector>, String>>;

/// A server that takes longer than this to accept a connection is unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// No request waits longer than this for its answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Connection {
    runtime: tokio::runtime::Runtime,
    pub(crate) client: CalDavClient<Http>,
    server: ServerUrl,
}

impl Connection {
    /// Connects to `server` as `user`. Over the network the server is found as
    /// RFC 6764 says (the address itself, then DNS SRV/TXT and
    /// `/.well-known/caldav`); on this machine, at the address given.
    pub fn open(server: &ServerUrl, user: &str, password: &str) -> Result<Connection, CalDavError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| CalDavError::Unreachable(format!("no network runtime: {e}")))?;
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let https = HttpsConnectorBuilder::new()
            .with_native_roots()
            .map_err(|e| CalDavError::Tls(format!("this computer's trusted certificates could not be read: {e}")))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = AddAuthorization::basic(Client::builder(TokioExecutor::new()).build(https), user, password);
        let webdav = WebDavClient::new(server.uri().clone(), client);
        let client = if server.is_loopback() {
            CalDavClient::new(webdav)
        } else {
            let found = runtime.block_on(async {
                tokio::time::timeout(REQUEST_TIMEOUT, CalDavClient::bootstrap_via_service_discovery(webdav)).await
            });
            match found {
                Ok(Ok(client)) => client,
                Ok(Err(e)) => return Err(bootstrap_error(server, &e)),
                Err(_) => return Err(CalDavError::Unreachable(format!("{server} did not answer in time"))),
            }
        };
        Ok(Connection { runtime, client, server: server.clone() })
    }

    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    /// Runs `request` within `REQUEST_TIMEOUT`, handing back its own result
    /// for a caller that reads the status itself; a timeout is unreachable.
    pub(crate) fn bounded<F: Future>(&self, what: &str, request: F) -> Result<F::Output, CalDavError> {
        self.runtime
            .block_on(async { tokio::time::timeout(REQUEST_TIMEOUT, request).await })
            .map_err(|_| CalDavError::Unreachable(format!("{} did not answer {what} in time", self.server)))
    }

    /// Runs one request to its end, or gives up after `REQUEST_TIMEOUT`.
    pub(crate) fn run<T, E>(
        &self,
        what: &str,
        request: impl Future<Output = Result<T, WebDavError<E>>>,
    ) -> Result<T, CalDavError>
    where
        E: StdError + Send + Sync + 'static,
    {
        self.bounded(what, request)?.map_err(|e| webdav_error(&self.server, what, e))
    }
}

/// A WebDAV failure in words: a status the person can act on, or what kept the request from the server.
pub(crate) fn webdav_error<E>(server: &ServerUrl, what: &str, err: WebDavError<E>) -> CalDavError
where
    E: StdError + Send + Sync + 'static,
{
    match err {
        WebDavError::BadStatusCode(status) => status_error(server, what, status.as_u16()),
        WebDavError::PreconditionFailed(p) => CalDavError::Server { status: 412, what: format!("{what} ({p})") },
        WebDavError::Request(RequestError::Client(e)) => transport_error(&e),
        WebDavError::Request(RequestError::Http(e)) => transport_error(e.as_ref()),
        WebDavError::Xml(e) => CalDavError::Protocol(format!("{what}: {e}")),
        WebDavError::InvalidResponse(e) => CalDavError::Protocol(format!("{what}: {e}")),
        WebDavError::InvalidInput(e) => CalDavError::BadUrl(format!("{what}: {e}")),
    }
}

pub(crate) fn status_error(server: &ServerUrl, what: &str, status: u16) -> CalDavError {
    match status {
        401 => CalDavError::Unauthorized,
        403 => CalDavError::Forbidden(what.to_string()),
        // Not found, or a method (PROPFIND, REPORT) the server does not speak: no CalDAV there.
        404 | 405 | 501 => CalDavError::NotCalDav(server.to_string()),
        _ => CalDavError::Server { status, what: what.to_string() },
    }
}

/// What kept a request from the server: a refused certificate, or the network.
fn transport_error(err: &(dyn StdError + 'static)) -> CalDavError {
    let mut source: Option<&(dyn StdError + 'static)> = Some(err);
    let mut innermost = err.to_string();
    while let Some(e) = source {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return CalDavError::Tls(tls.to_string());
        }
        innermost = e.to_string();
        // rustls reaches hyper inside io::Errors, whose source() skips the error they wrap.
        source = match e.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => e.source(),
        };
    }
    CalDavError::Unreachable(innermost)
}

fn bootstrap_error(server: &ServerUrl, err: &libdav::sd::BootstrapError) -> CalDavError {
    use libdav::sd::BootstrapError as B;
    match err {
        B::MissingScheme | B::UnknownScheme | B::MissingHost | B::InvalidDomain(_) => {
            CalDavError::BadUrl(format!("{server}: {err}"))
        }
        B::Dns(e) => CalDavError::Unreachable(format!("looking up {server}: {e}")),
        B::MalformedRecord(_) | B::NotAvailable | B::NotFound => CalDavError::NotCalDav(server.to_string()),
    }
}
