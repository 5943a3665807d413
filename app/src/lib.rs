//! Daftar's browser app: Leptos, client-side rendered, compiled to WASM.
//!
//! Pages live in `pages`, shared widgets in `components`, every HTTP call in `api`, every
//! visible string in `i18n`. The server serves an empty HTML shell for every non-API path; this
//! crate mounts the whole interface into its body.

pub mod api;
pub mod components;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod session;

use components::{FlashRegion, RequireSession, SiteHeader};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::admin::{AdminPage, DepartmentPage, HolidaysPage, LeaveRulesPage, OfficePage, RolesPage};
use pages::control::{ControlPage, Level, WallScreenPage};
use pages::kms::{LibraryDocumentPage, LibraryFolderPage, LibraryInboxPage, LibraryPage, NewLibraryDocumentPage};
use pages::leave::{
    outbox::LeaveOutbox, ActingBanner, LeaveApplicationPage, LeaveApplyPage, LeaveCalendarPage, LeaveHomePage,
    LeaveInboxPage, LeaveLedgerPage, OutboxStatus,
};
use pages::pims::{AuditLogPage, EmployeePage, OnboardingPage, PeoplePage, TransferPage};
use pages::reports::{
    DispatchReportPage, DisposalReportPage, MonthlyReportPage, MyFilesReportPage, PendencyReportPage, ReportsPage,
    SummaryReportPage,
};
use pages::{
    DiarisePage, DispatchPage, FilePage, FilePrintPage, FileTrackPage, InboxPage, LoginPage, NewFilePage, NotFound,
    ReceiptPage, SearchPage,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// Starts the app when the WASM module loads.
#[wasm_bindgen(start)]
pub fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole app: contexts, header, and routes.
#[component]
pub fn App() -> impl IntoView {
    i18n::I18n::provide();
    session::Session::provide();
    session::Flash::provide();
    LeaveOutbox::provide();

    view! {
        <Router>
            <SiteHeader/>
            <main id="main" class="container" tabindex="-1">
                <FlashRegion/>
                <OutboxStatus/>
                <ActingBanner/>
                <Routes fallback=NotFound>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/") view=|| view! { <RequireSession><InboxPage/></RequireSession> }/>
                    <Route path=path!("/inbox") view=|| view! { <RequireSession><InboxPage/></RequireSession> }/>
                    // Before `/receipts/:id`, so that "new" is not taken for a receipt ID.
                    <Route path=path!("/receipts/new") view=|| view! { <RequireSession><DiarisePage/></RequireSession> }/>
                    <Route path=path!("/receipts/:id") view=|| view! { <RequireSession><ReceiptPage/></RequireSession> }/>
                    // Likewise before `/files/:id`.
                    <Route path=path!("/files/new") view=|| view! { <RequireSession><NewFilePage/></RequireSession> }/>
                    <Route path=path!("/files/:id") view=|| view! { <RequireSession><FilePage/></RequireSession> }/>
                    <Route path=path!("/files/:id/track") view=|| view! { <RequireSession><FileTrackPage/></RequireSession> }/>
                    <Route path=path!("/files/:id/print") view=|| view! { <RequireSession><FilePrintPage/></RequireSession> }/>
                    <Route path=path!("/offices/:office/dispatch") view=|| view! { <RequireSession><DispatchPage/></RequireSession> }/>
                    <Route path=path!("/search") view=|| view! { <RequireSession><SearchPage/></RequireSession> }/>
                    <Route path=path!("/leave") view=|| view! { <RequireSession><LeaveHomePage/></RequireSession> }/>
                    // Before `/leave/applications/:id`'s siblings, so "apply" is not taken for an ID.
                    <Route path=path!("/leave/apply") view=|| view! { <RequireSession><LeaveApplyPage/></RequireSession> }/>
                    <Route path=path!("/leave/applications/:id") view=|| view! { <RequireSession><LeaveApplicationPage/></RequireSession> }/>
                    <Route path=path!("/leave/calendar") view=|| view! { <RequireSession><LeaveCalendarPage/></RequireSession> }/>
                    <Route path=path!("/leave/inbox") view=|| view! { <RequireSession><LeaveInboxPage/></RequireSession> }/>
                    <Route path=path!("/people") view=|| view! { <RequireSession><PeoplePage/></RequireSession> }/>
                    // Before `/people/:id`, so that these names are not taken for employee IDs.
                    <Route path=path!("/people/onboard") view=|| view! { <RequireSession><OnboardingPage/></RequireSession> }/>
                    <Route path=path!("/people/transfer") view=|| view! { <RequireSession><TransferPage/></RequireSession> }/>
                    <Route path=path!("/people/audit") view=|| view! { <RequireSession><AuditLogPage/></RequireSession> }/>
                    <Route path=path!("/people/:id") view=|| view! { <RequireSession><EmployeePage/></RequireSession> }/>
                    <Route path=path!("/library") view=|| view! { <RequireSession><LibraryPage/></RequireSession> }/>
                    // Before `/library/:id`, so that these names are not taken for document IDs.
                    <Route path=path!("/library/new") view=|| view! { <RequireSession><NewLibraryDocumentPage/></RequireSession> }/>
                    <Route path=path!("/library/inbox") view=|| view! { <RequireSession><LibraryInboxPage/></RequireSession> }/>
                    <Route path=path!("/library/folders/:id") view=|| view! { <RequireSession><LibraryFolderPage/></RequireSession> }/>
                    <Route path=path!("/library/:id") view=|| view! { <RequireSession><LibraryDocumentPage/></RequireSession> }/>
                    <Route path=path!("/control") view=|| view! { <RequireSession><ControlPage level=Level::State/></RequireSession> }/>
                    <Route path=path!("/control/wall") view=|| view! { <RequireSession><WallScreenPage/></RequireSession> }/>
                    <Route path=path!("/control/departments/:dept") view=|| view! { <RequireSession><ControlPage level=Level::Department/></RequireSession> }/>
                    <Route path=path!("/control/offices/:office") view=|| view! { <RequireSession><ControlPage level=Level::Office/></RequireSession> }/>
                    <Route path=path!("/control/offices/:office/sections/:section") view=|| view! { <RequireSession><ControlPage level=Level::Section/></RequireSession> }/>
                    <Route path=path!("/control/posts/:post") view=|| view! { <RequireSession><ControlPage level=Level::Desk/></RequireSession> }/>
                    <Route path=path!("/reports") view=|| view! { <RequireSession><ReportsPage/></RequireSession> }/>
                    <Route path=path!("/reports/summary") view=|| view! { <RequireSession><SummaryReportPage/></RequireSession> }/>
                    <Route path=path!("/reports/my-files") view=|| view! { <RequireSession><MyFilesReportPage/></RequireSession> }/>
                    <Route path=path!("/reports/pendency") view=|| view! { <RequireSession><PendencyReportPage/></RequireSession> }/>
                    <Route path=path!("/reports/monthly") view=|| view! { <RequireSession><MonthlyReportPage/></RequireSession> }/>
                    <Route path=path!("/reports/disposal") view=|| view! { <RequireSession><DisposalReportPage/></RequireSession> }/>
                    <Route path=path!("/reports/dispatch") view=|| view! { <RequireSession><DispatchReportPage/></RequireSession> }/>
                    <Route path=path!("/admin") view=|| view! { <RequireSession><AdminPage/></RequireSession> }/>
                    <Route path=path!("/admin/departments/:dept") view=|| view! { <RequireSession><DepartmentPage/></RequireSession> }/>
                    <Route path=path!("/admin/offices/:office") view=|| view! { <RequireSession><OfficePage/></RequireSession> }/>
                    <Route path=path!("/admin/employees/:id/roles") view=|| view! { <RequireSession><RolesPage/></RequireSession> }/>
                    <Route path=path!("/admin/leave-rules") view=|| view! { <RequireSession><LeaveRulesPage/></RequireSession> }/>
                    <Route path=path!("/admin/holidays") view=|| view! { <RequireSession><HolidaysPage/></RequireSession> }/>
                    <Route path=path!("/leave/ledger/:kind") view=|| view! { <RequireSession><LeaveLedgerPage/></RequireSession> }/>
                </Routes>
            </main>
        </Router>
    }
}
