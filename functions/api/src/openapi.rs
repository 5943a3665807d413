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
        crate::files::routes::create_file,
        crate::files::routes::get_file,
        crate::files::routes::move_handler,
        crate::files::routes::list_notes,
        crate::files::routes::write_note_handler,
        crate::files::routes::edit_note,
        crate::files::routes::sign_note,
        crate::files::routes::discard_note,
        crate::files::routes::attach_handler,
        crate::files::routes::correspondence,
        crate::files::routes::links,
        crate::files::routes::link_handler,
        crate::files::routes::history_handler,
        crate::files::routes::track,
        crate::files::routes::verify,
        crate::files::routes::lookup,
        crate::files::routes::desk,
        crate::files::routes::note_attachment,
        crate::files::routes::file_numbering,
        crate::files::routes::set_file_numbering,
        crate::files::routes::merge_handler,
        crate::files::routes::volume_handler,
        crate::files::routes::part_handler,
        crate::files::routes::start_draft,
        crate::files::routes::revise_draft,
        crate::files::routes::approve,
        crate::files::routes::issue,
        crate::files::routes::list_drafts,
        crate::files::routes::list_draft_versions,
        crate::files::routes::enclosure,
        crate::files::routes::dispatch_register,
        crate::files::routes::dispatched,
        crate::files::routes::scan,
        crate::receipts::routes::attachment,
        crate::receipts::routes::close_receipt,
        crate::receipts::routes::receive_receipt,
        crate::receipts::routes::acknowledge,
        crate::search::search,
        crate::uploads::start,
        crate::uploads::receive,
        crate::uploads::confirm,
        crate::uploads::preview,
        crate::leave::routes::rules,
        crate::leave::routes::set_rules,
        crate::leave::routes::holidays,
        crate::leave::routes::set_holidays,
        crate::leave::routes::my_balances,
        crate::leave::routes::my_ledger,
        crate::leave::routes::assess_spell,
        crate::leave::routes::apply_for_leave,
        crate::leave::routes::my_applications,
        crate::leave::routes::application,
        crate::leave::routes::act_on_application,
        crate::leave::routes::inbox,
        crate::leave::routes::run_credits,
    ),
    components(schemas(daftar_domain::wire::Problem, daftar_domain::wire::ErrorCode)),
    tags((name = "auth"), (name = "org"), (name = "receipts"), (name = "files"), (name = "uploads"), (name = "search"), (name = "leave"), (name = "meta"))
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
