//! `/people/:id`: one employee's record (names in both languages, designation, cadre, dates,
//! contact when the reader may see it, posts and posting history) and, for administrators,
//! its edit form. An edit carries the version it was made on; a 409 means someone else saved
//! first, and the page offers to reload.

use super::{refusal, use_is_admin};
use crate::api::{self, ApiError, SubmissionKeys};
use crate::components::Loading;
use crate::format::{human_date, iso_date};
use crate::i18n::use_i18n;
use crate::pages::use_page_title;
use daftar_domain::pims::wire::{EditPersonnel, PersonnelView};
use daftar_domain::wire::ErrorCode;
use daftar_domain::EmployeeId;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// What the last save said.
#[derive(Debug, Clone)]
enum Saved {
    Done,
    /// Someone else saved first.
    Stale,
    Refused(ApiError),
}

/// The edit request for a record as shown, before any change: what the form starts with.
pub(crate) fn edit_of(view: &PersonnelView) -> EditPersonnel {
    let personal = view.personal.as_ref();
    EditPersonnel {
        version: view.version,
        name_en: view.name_en.clone(),
        name_hi: view.name_hi.clone(),
        designation_en: view.designation_en.clone(),
        designation_hi: view.designation_hi.clone(),
        cadre: view.cadre.as_ref().map(ToString::to_string).unwrap_or_default(),
        date_of_joining: view.date_of_joining.map(iso_date).unwrap_or_default(),
        date_of_birth: personal.map(|p| iso_date(p.date_of_birth)).unwrap_or_default(),
        phone: personal.and_then(|p| p.phone.as_ref()).map(|p| p.as_ref().to_owned()),
        email: personal.and_then(|p| p.email.as_ref()).map(|e| e.as_ref().to_owned()),
    }
}

/// `/people/:id`.
#[component]
pub fn EmployeePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(|t| t.pims.people_title);
    let generation = RwSignal::new(0u32);
    let saved = RwSignal::new(None::<Saved>);
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|raw| EmployeeId::parse(&raw).ok())
    });
    let record = LocalResource::new(move || {
        let id = id.get();
        generation.track();
        async move {
            match id {
                Some(id) => api::pims::employee(&id).await,
                None => Err(ApiError::Unexpected { status: 404 }),
            }
        }
    });
    let reload = Callback::new(move |_: ()| {
        saved.set(None);
        generation.update(|g| *g += 1);
    });
    let status = move || {
        saved.get().map(|s| match s {
            Saved::Done => view! { <p class="notice notice-success" role="status">{i18n.text(|t| t.pims.saved)}</p> }.into_any(),
            Saved::Stale => view! {
                <div class="notice notice-warning" role="alert">
                    <p>{i18n.text(|t| t.pims.stale)}</p>
                    <button type="button" class="button-secondary" on:click=move |_| reload.run(())>{i18n.text(|t| t.pims.reload)}</button>
                </div>
            }.into_any(),
            Saved::Refused(error) => refusal(error).into_any(),
        })
    };
    view! {
        <section class="page people-page">
            <p><A href="/people">{i18n.text(|t| t.pims.back_to_people)}</A></p>
            <div aria-live="polite">{status}</div>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || record.get().map(|result| match result {
                    Ok(view) => view! { <Record view saved reload/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// The record as read, and the edit form for administrators.
#[component]
fn Record(view: PersonnelView, saved: RwSignal<Option<Saved>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let admin = use_is_admin();
    let names = (view.name_en.clone(), view.name_hi.clone());
    let designations = (view.designation_en.clone(), view.designation_hi.clone());
    let id = view.id.clone();
    let posts = view
        .posts
        .iter()
        .map(|p| {
            let (title_en, title_hi) = (p.title_en.clone(), p.title_hi.clone());
            let (office_en, office_hi) = (p.office_name_en.clone(), p.office_name_hi.clone());
            let post = p.id.to_string();
            view! {
                <li>
                    {move || format!("{}, {}", i18n.pick(&title_en, &title_hi), i18n.pick(&office_en, &office_hi))}
                    " " <span class="code">{post}</span>
                </li>
            }
        })
        .collect_view();
    let no_posts = view.posts.is_empty();
    let history = view
        .history
        .iter()
        .rev()
        .map(|p| {
            let (title_en, title_hi) = (p.title_en.clone(), p.title_hi.clone());
            let to = p.to;
            view! {
                <tr>
                    <th scope="row">{move || i18n.pick(&title_en, &title_hi).to_owned()} " " <span class="code">{p.post.to_string()}</span></th>
                    <td class="code">{p.office.to_string()}</td>
                    <td>{human_date(p.from)}</td>
                    <td>{move || to.map(human_date).unwrap_or_else(|| i18n.t().pims.till_now.to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    let personal = view.personal.clone();
    let dash = || "—".to_owned();
    let personal_facts = personal.clone().map(|p| {
        view! {
            <dt>{i18n.text(|t| t.pims.date_of_birth)}</dt><dd>{human_date(p.date_of_birth)}</dd>
            <dt>{i18n.text(|t| t.pims.phone)}</dt><dd>{p.phone.map(|x| x.as_ref().to_owned()).unwrap_or_else(dash)}</dd>
            <dt>{i18n.text(|t| t.pims.email)}</dt><dd>{p.email.map(|x| x.as_ref().to_owned()).unwrap_or_else(dash)}</dd>
        }
    });
    let hidden = personal.is_none();
    let no_record = view.version == 0;
    let edit = edit_of(&view);
    view! {
        <h1><span>{move || i18n.pick(&names.0, &names.1).to_owned()}</span> " " <span class="code">{id.to_string()}</span></h1>
        <dl class="facts">
            <dt>{i18n.text(|t| t.pims.name_en)}</dt><dd lang="en">{view.name_en.clone()}</dd>
            <dt>{i18n.text(|t| t.pims.name_hi)}</dt><dd lang="hi">{view.name_hi.clone()}</dd>
            <dt>{i18n.text(|t| t.pims.col_designation)}</dt><dd>{move || i18n.pick(&designations.0, &designations.1).to_owned()}</dd>
            <dt>{i18n.text(|t| t.pims.cadre)}</dt><dd class="code">{view.cadre.as_ref().map(ToString::to_string).unwrap_or_else(dash)}</dd>
            <dt>{i18n.text(|t| t.pims.date_of_joining)}</dt><dd>{view.date_of_joining.map(human_date).unwrap_or_else(dash)}</dd>
            {personal_facts}
        </dl>
        {hidden.then(|| view! { <p class="hint">{i18n.text(|t| t.pims.contact_hidden)}</p> })}
        <h2>{i18n.text(|t| t.pims.current_posts)}</h2>
        {if no_posts {
            view! { <p class="empty-state">{i18n.text(|t| t.pims.holds_no_post)}</p> }.into_any()
        } else {
            view! { <ul>{posts}</ul> }.into_any()
        }}
        <div class="table-scroll">
            <table class="data-table">
                <caption>{i18n.text(|t| t.pims.history_caption)}</caption>
                <thead><tr>
                    <th scope="col">{i18n.text(|t| t.pims.col_post)}</th>
                    <th scope="col">{i18n.text(|t| t.pims.col_office)}</th>
                    <th scope="col">{i18n.text(|t| t.pims.col_from)}</th>
                    <th scope="col">{i18n.text(|t| t.pims.col_to)}</th>
                </tr></thead>
                <tbody>{history}</tbody>
            </table>
        </div>
        <Show when=admin>
            <p><A href=format!("/people/transfer?employee={id}")>{i18n.text(|t| t.pims.transfer_this)}</A></p>
            <p><A href=format!("/admin/employees/{id}/roles")>{i18n.text(|t| t.admin.roles_link)}</A></p>
            {no_record.then(|| view! { <p class="hint">{i18n.text(|t| t.pims.no_record_yet)}</p> })}
            <EditForm id=id.clone() edit=edit.clone() saved reload/>
        </Show>
    }
}

/// The administrator's edit of every field, sent with the version read.
#[component]
fn EditForm(
    id: EmployeeId,
    edit: EditPersonnel,
    saved: RwSignal<Option<Saved>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = edit.version;
    let name_en = RwSignal::new(edit.name_en);
    let name_hi = RwSignal::new(edit.name_hi);
    let designation_en = RwSignal::new(edit.designation_en);
    let designation_hi = RwSignal::new(edit.designation_hi);
    let cadre = RwSignal::new(edit.cadre);
    let joining = RwSignal::new(edit.date_of_joining);
    let birth = RwSignal::new(edit.date_of_birth);
    let phone = RwSignal::new(edit.phone.unwrap_or_default());
    let email = RwSignal::new(edit.email.unwrap_or_default());
    let busy = RwSignal::new(false);
    let keys = StoredValue::new(SubmissionKeys::default());
    let refused_field = RwSignal::new(None::<String>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let optional =
            |value: RwSignal<String>| Some(value.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let request = EditPersonnel {
            version,
            name_en: name_en.get_untracked(),
            name_hi: name_hi.get_untracked(),
            designation_en: designation_en.get_untracked(),
            designation_hi: designation_hi.get_untracked(),
            cadre: cadre.get_untracked(),
            date_of_joining: joining.get_untracked(),
            date_of_birth: birth.get_untracked(),
            phone: optional(phone),
            email: optional(email),
        };
        let key = keys.try_update_value(|k| k.key_for(&request, api::new_idempotency_key));
        let key = key.unwrap_or_else(api::new_idempotency_key);
        let id = id.clone();
        busy.set(true);
        saved.set(None);
        refused_field.set(None);
        spawn_local(async move {
            let result = api::pims::edit_employee(&id, &request, &key).await;
            keys.update_value(|k| k.settle(&result));
            busy.set(false);
            match result {
                Ok(_) => {
                    // Show the record as the server now has it, with its new version.
                    reload.run(());
                    saved.set(Some(Saved::Done));
                }
                Err(error) if error.code() == Some(ErrorCode::Conflict) => saved.set(Some(Saved::Stale)),
                Err(error) => {
                    refused_field.set(error.field().map(str::to_owned));
                    saved.set(Some(Saved::Refused(error)));
                }
            }
        });
    };
    let field = move |id: &'static str,
                      label: fn(&crate::i18n::Texts) -> &'static str,
                      value: RwSignal<String>,
                      kind: &'static str,
                      lang: Option<&'static str>| {
        let field_name = id.trim_start_matches("edit-").replace('-', "_");
        view! {
            <div class="field">
                <label for=id>{i18n.text(label)}</label>
                <input id=id type=kind lang=lang
                    aria-invalid=move || (refused_field.get().as_deref() == Some(field_name.as_str())).to_string()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <h2 id="edit-heading">{i18n.text(|t| t.pims.edit_heading)}</h2>
        <form class="page-form" aria-labelledby="edit-heading" on:submit=submit novalidate=true>
            <div class="field-row">
                {field("edit-name-en", |t| t.pims.name_en, name_en, "text", Some("en"))}
                {field("edit-name-hi", |t| t.pims.name_hi, name_hi, "text", Some("hi"))}
            </div>
            <div class="field-row">
                {field("edit-designation-en", |t| t.pims.designation_en, designation_en, "text", Some("en"))}
                {field("edit-designation-hi", |t| t.pims.designation_hi, designation_hi, "text", Some("hi"))}
            </div>
            <div class="field-row">
                {field("edit-cadre", |t| t.pims.cadre, cadre, "text", None)}
                {field("edit-date-of-joining", |t| t.pims.date_of_joining, joining, "date", None)}
                {field("edit-date-of-birth", |t| t.pims.date_of_birth, birth, "date", None)}
            </div>
            <div class="field-row">
                {field("edit-phone", |t| t.pims.phone, phone, "tel", None)}
                {field("edit-email", |t| t.pims.email, email, "email", None)}
            </div>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t().pims.saving } else { i18n.t().pims.save }}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daftar_domain::pims::wire::PersonalDetails;
    use daftar_domain::pims::{Email, Phone};
    use time::macros::date;

    fn view(version: u64, personal: Option<PersonalDetails>) -> PersonnelView {
        PersonnelView {
            id: EmployeeId::parse("HR5101").unwrap(),
            name_en: "Meena Devi".into(),
            name_hi: "मीना देवी".into(),
            designation_en: "Clerk".into(),
            designation_hi: "लिपिक".into(),
            cadre: None,
            date_of_joining: Some(date!(2020 - 04 - 01)),
            posts: Vec::new(),
            history: Vec::new(),
            personal,
            version,
        }
    }

    #[test]
    fn the_form_starts_with_the_record_and_its_version() {
        let personal = PersonalDetails {
            date_of_birth: date!(1995 - 06 - 15),
            phone: Some(Phone::parse("9876543210").unwrap()),
            email: Some(Email::parse("meena@hry.gov.in").unwrap()),
        };
        let edit = edit_of(&view(7, Some(personal)));
        assert_eq!(edit.version, 7);
        assert_eq!(edit.date_of_joining, "2020-04-01");
        assert_eq!(edit.date_of_birth, "1995-06-15");
        assert_eq!(edit.phone.as_deref(), Some("9876543210"));
        assert_eq!(edit.cadre, "");
    }

    #[test]
    fn hidden_details_start_blank() {
        let edit = edit_of(&view(0, None));
        assert_eq!(edit.date_of_birth, "");
        assert_eq!(edit.phone, None);
    }
}
