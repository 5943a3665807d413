//! Widgets shared by several pages.

pub mod errors;
pub mod fields;
pub mod guard;
pub mod header;
pub mod more;
pub mod post_picker;
pub mod status;
pub mod upload;

pub use errors::{error_text, ErrorList};
pub use fields::{FieldMessage, Loading, PriorityBadge};
pub use guard::RequireSession;
pub use header::SiteHeader;
pub use more::{paged_table, LoadMoreFooter, MorePages, PagedRows, TableHead};
pub use post_picker::{PostChoice, PostPicker};
pub use status::FlashRegion;
pub use upload::{human_size, AttachmentList, UploadField, Uploads};
