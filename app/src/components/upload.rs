//! Attachments chosen in a form: each file is checked here (type, size), uploaded at once, and
//! its finished upload ID handed to the form that attaches it.

use crate::api::{self, ApiError};
use crate::components::error_text;
use crate::i18n::{fill, use_i18n, Texts};
use daftar_domain::attachment::{AttachmentType, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES};
use daftar_domain::wire::StartUpload;
use daftar_domain::{DocumentName, UploadId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Bytes as people read them: `812 B`, `14.2 KB`, `3.4 MB`.
pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

/// Why a chosen file is refused before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRefusal {
    WrongType,
    TooLarge,
    Empty,
}

/// Checks a chosen file's browser-reported type and size.
pub fn check_file(mime: &str, size: u64) -> Result<AttachmentType, FileRefusal> {
    let kind = AttachmentType::from_mime(mime).ok_or(FileRefusal::WrongType)?;
    if size == 0 {
        Err(FileRefusal::Empty)
    } else if size > MAX_ATTACHMENT_BYTES {
        Err(FileRefusal::TooLarge)
    } else {
        Ok(kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Uploading,
    Done(UploadId),
    Refused(FileRefusal),
    Failed(ApiError),
}

#[derive(Debug, Clone, PartialEq)]
struct Item {
    key: u32,
    name: String,
    size: u64,
    kind: Option<AttachmentType>,
    /// A local object URL for previewing what was chosen.
    preview: Option<String>,
    status: Status,
}

/// The files chosen in one form.
#[derive(Debug, Clone, Copy)]
pub struct Uploads {
    items: RwSignal<Vec<Item>>,
    next: StoredValue<u32>,
}

impl Default for Uploads {
    fn default() -> Self {
        Self::new()
    }
}

impl Uploads {
    pub fn new() -> Self {
        Uploads {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    /// Whether any file is still on its way.
    pub fn busy(&self) -> bool {
        self.items
            .with_untracked(|items| items.iter().any(|i| i.status == Status::Uploading))
    }

    /// Whether some chosen file could not be uploaded (it must be removed first).
    pub fn has_failures(&self) -> bool {
        self.items.with_untracked(|items| {
            items
                .iter()
                .any(|i| matches!(i.status, Status::Refused(_) | Status::Failed(_)))
        })
    }

    /// The finished uploads, in the order chosen.
    pub fn ids(&self) -> Vec<UploadId> {
        self.items.with_untracked(|items| {
            items
                .iter()
                .filter_map(|i| match &i.status {
                    Status::Done(id) => Some(id.clone()),
                    _ => None,
                })
                .collect()
        })
    }

    /// Empties the list after the form was sent.
    pub fn clear(&self) {
        for item in self.items.get_untracked() {
            revoke(&item.preview);
        }
        self.items.set(Vec::new());
    }

    fn set_status(&self, key: u32, status: Status) {
        self.items.update(|items| {
            if let Some(item) = items.iter_mut().find(|i| i.key == key) {
                item.status = status;
            }
        });
    }

    fn remove(&self, key: u32) {
        self.items.update(|items| {
            if let Some(at) = items.iter().position(|i| i.key == key) {
                revoke(&items[at].preview);
                items.remove(at);
            }
        });
    }

    fn add(&self, file: web_sys::File) {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        let name = file.name();
        let size = file.size() as u64;
        let checked = check_file(&file.type_(), size);
        let preview = web_sys::Url::create_object_url_with_blob(&file).ok();
        let status = match checked {
            Ok(_) => Status::Uploading,
            Err(refusal) => Status::Refused(refusal),
        };
        self.items.update(|items| {
            items.push(Item {
                key,
                name: name.clone(),
                size,
                kind: checked.ok(),
                preview,
                status,
            })
        });
        let Ok(content_type) = checked else { return };
        let this = *self;
        spawn_local(async move {
            let outcome = upload(name, content_type, size, file).await;
            this.set_status(
                key,
                match outcome {
                    Ok(id) => Status::Done(id),
                    Err(error) => Status::Failed(error),
                },
            );
        });
    }
}

fn revoke(url: &Option<String>) {
    if let Some(url) = url {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}

async fn upload(
    name: String,
    content_type: AttachmentType,
    size: u64,
    file: web_sys::File,
) -> Result<UploadId, ApiError> {
    let name = DocumentName::parse(&name)
        .or_else(|_| DocumentName::parse(&format!("attachment.{}", extension(content_type))))
        .map_err(|_| ApiError::Network)?;
    let request = StartUpload {
        name,
        content_type,
        size,
    };
    let ticket = api::start_upload(&request, &api::new_idempotency_key()).await?;
    api::send_upload(&ticket, content_type, &file).await?;
    Ok(ticket.upload_id)
}

fn extension(t: AttachmentType) -> &'static str {
    match t {
        AttachmentType::Pdf => "pdf",
        AttachmentType::Jpeg => "jpg",
        AttachmentType::Png => "png",
    }
}

/// A file input with the list of chosen files, their sizes, previews and upload status.
#[component]
pub fn UploadField(
    #[prop(into)] id: String,
    uploads: Uploads,
    /// The field's label; "Attachments" unless the form names what it takes.
    #[prop(optional)]
    label: Option<fn(&Texts) -> &'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = label.unwrap_or(|t| t.attachments);
    let hint_id = format!("{id}-hint");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(files) = input.files() {
            for n in 0..files.length() {
                if uploads.items.with_untracked(Vec::len) >= MAX_ATTACHMENTS {
                    break;
                }
                if let Some(file) = files.get(n) {
                    uploads.add(file);
                }
            }
        }
        // The same file may be chosen again after removing it.
        input.set_value("");
    };
    let rows = move || {
        uploads
            .items
            .get()
            .into_iter()
            .map(|item| {
                let key = item.key;
                let preview = match (&item.kind, &item.preview) {
                    (Some(AttachmentType::Pdf), Some(url)) => Some(
                        view! { <a href=url.clone() target="_blank" rel="external noopener">{i18n.text(|t| t.upload_preview)}</a> }
                            .into_any(),
                    ),
                    (Some(_), Some(url)) => Some(view! { <img class="upload-thumb" src=url.clone() alt=""/> }.into_any()),
                    _ => None,
                };
                let status = item.status.clone();
                let status_view = move || {
                    let t = i18n.t();
                    match &status {
                        Status::Uploading => view! { <span class="upload-status">{t.upload_sending}</span> }.into_any(),
                        Status::Done(_) => view! { <span class="upload-status upload-done">{t.upload_done}</span> }.into_any(),
                        Status::Refused(FileRefusal::WrongType) => {
                            view! { <span class="upload-status field-error">{t.upload_wrong_type}</span> }.into_any()
                        }
                        Status::Refused(FileRefusal::TooLarge) => view! {
                            <span class="upload-status field-error">
                                {fill(t.upload_too_large, "{n}", &(MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string())}
                            </span>
                        }
                        .into_any(),
                        Status::Refused(FileRefusal::Empty) => {
                            view! { <span class="upload-status field-error">{t.upload_empty}</span> }.into_any()
                        }
                        Status::Failed(error) => {
                            let text = if error.field().is_some() { t.upload_wrong_type } else { error_text(t, error) };
                            view! { <span class="upload-status field-error">{text}</span> }.into_any()
                        }
                    }
                };
                let name = item.name.clone();
                view! {
                    <li class="upload-item">
                        {preview}
                        <span class="upload-name">{item.name.clone()}</span>
                        " "
                        <span class="upload-size">{human_size(item.size)}</span>
                        " "
                        <span role="status">{status_view}</span>
                        " "
                        <button type="button" class="button-link"
                            aria-label=move || fill(i18n.t().upload_remove_named, "{name}", &name)
                            on:click=move |_| uploads.remove(key)>
                            {i18n.text(|t| t.upload_remove)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field upload-field">
            <label for=id.clone()>{i18n.text(label)}</label>
            <p id=hint_id.clone() class="hint">
                {move || fill(i18n.t().upload_hint, "{n}", &(MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string())}
            </p>
            <input id=id.clone() type="file" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                aria-describedby=hint_id on:change=on_change/>
            <ul class="upload-list" aria-live="polite">{rows}</ul>
        </div>
    }
}

/// Stored attachments as links to download them: `{base}/{n}`, numbered from 1.
#[component]
pub fn AttachmentList(base: String, attachments: Vec<daftar_domain::attachment::Attachment>) -> impl IntoView {
    let i18n = use_i18n();
    if attachments.is_empty() {
        return view! { <p class="hint">{i18n.text(|t| t.no_attachments)}</p> }.into_any();
    }
    let rows = attachments
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let href = format!("{base}/{}", i + 1);
            view! {
                <li>
                    <a href=href target="_blank" rel="external noopener">{a.name.to_string()}</a>
                    " "
                    <span class="upload-size">"(" {extension(a.content_type).to_uppercase()} ", " {human_size(a.size)} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="attachment-list">{rows}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(1024), "1.0 KB");
        assert_eq!(human_size(14_540), "14.2 KB");
        assert_eq!(human_size(3_565_158), "3.4 MB");
        assert_eq!(human_size(25 * 1024 * 1024), "25.0 MB");
    }

    #[test]
    fn only_pdf_jpeg_png_up_to_the_limit_are_accepted() {
        assert_eq!(check_file("application/pdf", 10), Ok(AttachmentType::Pdf));
        assert_eq!(check_file("image/png", MAX_ATTACHMENT_BYTES), Ok(AttachmentType::Png));
        assert_eq!(
            check_file("image/jpeg", MAX_ATTACHMENT_BYTES + 1),
            Err(FileRefusal::TooLarge)
        );
        assert_eq!(check_file("image/gif", 10), Err(FileRefusal::WrongType));
        assert_eq!(check_file("", 10), Err(FileRefusal::WrongType));
        assert_eq!(check_file("application/pdf", 0), Err(FileRefusal::Empty));
    }
}
