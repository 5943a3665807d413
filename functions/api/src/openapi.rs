//! The OpenAPI 3 document, generated from the handlers' annotations and the wire types, so it
//! cannot drift from the code.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Daftar API", description = "e-Office for state governments: e-Receipt, e-File, e-Leave, KMS, PIMS."),
    paths(
        crate::health,
        crate::auth::routes::login,
        crate::auth::routes::logout,
        crate::auth::routes::me,
        crate::org::routes::departments,
        crate::org::routes::offices,
        crate::org::routes::posts,
        crate::receipts::routes::diarise_receipt,
        crate::receipts::routes::get_receipt,
        crate::receipts::routes::history,
        crate::receipts::routes::forward_receipt,
        crate::receipts::routes::inbox,
    ),
    components(schemas(daftar_domain::wire::Problem, daftar_domain::wire::ErrorCode)),
    tags((name = "auth"), (name = "org"), (name = "receipts"), (name = "meta"))
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
