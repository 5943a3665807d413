//! The control room's pages, asked for conditionally: a wall screen polling an unchanged
//! dashboard gets a 304 and keeps what it shows.

use super::{read, read_problem, send, ApiError, ApiResult};
use daftar_domain::control::ControlView;
use gloo_net::http::Request;
use web_sys::RequestCache;

/// What a conditional fetch found.
pub enum Fetched {
    /// The page has not changed since the tag sent.
    Unchanged,
    /// The page, with its tag for the next request.
    Fresh(Box<ControlView>, Option<String>),
}

/// A control room page by its API path (`/api/v1/control…`), sending the tag of the copy held.
/// The browser's own cache is bypassed so the 304 reaches us instead of a silent copy.
pub async fn page(path: &str, tag: Option<&str>) -> ApiResult<Fetched> {
    let mut builder = Request::get(path).cache(RequestCache::NoStore);
    if let Some(tag) = tag {
        builder = builder.header("If-None-Match", tag);
    }
    let response = send(builder.build()).await?;
    match response.status() {
        304 => Ok(Fetched::Unchanged),
        _ if response.ok() => {
            let tag = response.headers().get("etag");
            Ok(Fetched::Fresh(Box::new(read(response).await?), tag))
        }
        _ => Err(read_problem(response).await),
    }
}

/// A page without a tag: always fresh.
pub async fn view(path: &str) -> ApiResult<ControlView> {
    match page(path, None).await? {
        Fetched::Fresh(view, _) => Ok(*view),
        Fetched::Unchanged => Err(ApiError::Unexpected { status: 304 }),
    }
}
