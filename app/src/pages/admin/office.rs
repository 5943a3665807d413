//! `/admin/offices/:office`: an office's sections (add, rename) and posts (add, change titles
//! or section, set its e-Leave officers, abolish after a confirmation; the server refuses to
//! abolish a post someone holds or that still has work, and the page shows why).

use super::{
    admin_table, bilingual_fields, close_on_escape, close_row, described, field_error, is_open, name_fields, named_row,
    row_toggle, text_field, AdminForm, AdminOnly, Label, Outcome, OutcomeLine, Problems,
};
use crate::api;
use crate::api::admin::Renamed;
use crate::components::fields::focus;
use crate::components::Loading;
use crate::i18n::{fill, use_i18n, Texts};
use crate::pages::pims::refusal;
use crate::pages::use_page_title;
use daftar_domain::admin::wire::{LeaveOfficersView, PostView, SectionView};
use daftar_domain::admin::{LeaveOfficersForm, PostEditForm, PostForm, SectionForm};
use daftar_domain::{DeptCode, OfficeCode, PostId};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/admin/offices/:office?dept=…` (the department only leads back to its page).
#[component]
pub fn OfficePage() -> impl IntoView {
    use_page_title(|t| t.admin.title);
    let params = use_params_map();
    let query = use_query_map();
    let office = Memo::new(move |_| {
        params
            .with(|p| p.get("office"))
            .and_then(|raw| OfficeCode::parse(&raw).ok())
    });
    let dept = Memo::new(move |_| query.with(|q| q.get("dept")).and_then(|raw| DeptCode::parse(&raw).ok()));
    view! {
        <AdminOnly>
            {move || office.get().map(|office| view! { <OfficeAdmin office dept=dept.get()/> })}
        </AdminOnly>
    }
}

/// The office's sections and posts.
#[component]
fn OfficeAdmin(office: OfficeCode, dept: Option<DeptCode>) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = Outcome::provide();
    let sections = {
        let office = office.clone();
        LocalResource::new(move || {
            outcome.track();
            let office = office.clone();
            async move { api::admin::sections(&office).await }
        })
    };
    let posts = {
        let office = office.clone();
        LocalResource::new(move || {
            outcome.track();
            let office = office.clone();
            async move { api::admin::posts(&office).await }
        })
    };
    let section_list = Signal::derive(move || {
        sections
            .get()
            .and_then(Result::ok)
            .map(|list| list.sections)
            .unwrap_or_default()
    });
    // A post's department, for the parse before sending: the one the link came with, else that
    // of a post already in the office. (The server files the post under the office's own.)
    let post_dept = Signal::derive({
        let dept = dept.clone();
        move || {
            dept.clone().or_else(|| {
                posts
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| list.posts.first().map(|p| p.post.dept.clone()))
            })
        }
    });
    let back = match &dept {
        Some(dept) => {
            view! { <A href=format!("/admin/departments/{dept}")>{i18n.text(|t| t.admin.back_to_department)}</A> }
                .into_any()
        }
        None => view! { <A href="/admin">{i18n.text(|t| t.admin.back_to_admin)}</A> }.into_any(),
    };
    let title = {
        let office = office.to_string();
        move || fill(i18n.t().admin.office_title, "{office}", &office)
    };
    let section_office = office.clone();
    view! {
        <section class="page admin-page">
            <p>{back}</p>
            <h1>{title}</h1>
            <OutcomeLine outcome/>
            <h2 id="sections-heading">{i18n.text(|t| t.admin.sections_heading)}</h2>
            <Transition fallback=Loading>
                {move || sections.get().map(|result| match result {
                    Ok(list) => view! { <SectionTable list=list.sections/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
            <AddSection office=section_office/>
            <h2 id="posts-heading">{i18n.text(|t| t.admin.posts_heading)}</h2>
            <Transition fallback=Loading>
                {move || posts.get().map(|result| match result {
                    Ok(list) => view! { <PostTable list=list.posts sections=section_list/> }.into_any(),
                    Err(error) => refusal(error).into_any(),
                })}
            </Transition>
            <AddPost office dept=post_dept sections=section_list/>
        </section>
    }
}

/// The office's sections, with an inline rename.
#[component]
fn SectionTable(list: Vec<SectionView>) -> impl IntoView {
    let open = RwSignal::new(None::<String>);
    let columns: Vec<Label> = vec![|t| t.admin.code, |t| t.admin.name_en, |t| t.admin.name_hi, |t| {
        t.admin.col_actions
    }];
    admin_table(
        list,
        "sections-heading",
        columns,
        |t| t.admin.no_sections,
        move |view| section_row(view, open),
    )
}

fn section_row(view: SectionView, open: RwSignal<Option<String>>) -> impl IntoView {
    let SectionView { section, version } = view;
    named_row(
        Renamed::Section(section.code),
        version,
        (section.name_en, section.name_hi),
        None,
        (),
        open,
    )
}

/// The form that adds a section to the office.
#[component]
fn AddSection(office: OfficeCode) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("add-section").creating("code");
    let code = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let hi = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = SectionForm {
            code: code.get_untracked(),
            name_en: en.get_untracked(),
            name_hi: hi.get_untracked(),
        };
        if let Err(refusal) = body.parse(&office) {
            form.refuse(refusal);
            return;
        }
        let office = office.clone();
        form.add(
            body,
            move |body, key| async move { api::admin::create_section(&office, &body, &key).await },
            vec![code, en, hi],
        );
    };
    view! {
        <h3 id="add-section-heading">{i18n.text(|t| t.admin.add_section)}</h3>
        <form class="page-form admin-form" aria-labelledby="add-section-heading" on:submit=submit novalidate=true>
            <Problems form/>
            {text_field(form, "code", |t| t.admin.section_code, code, Some(|t| t.admin.section_code_hint), None)}
            {name_fields(form, en, hi, false)}
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.add_section_button)}</button>
            </div>
        </form>
    }
}

/// A `<select>` of the office's sections (their full codes), labelled and with its complaint.
fn section_select(
    form: AdminForm,
    label: fn(&Texts) -> &'static str,
    value: RwSignal<String>,
    sections: Signal<Vec<SectionView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = form.id("section");
    let options = move || {
        sections
            .get()
            .into_iter()
            .map(|view| {
                let code = view.section.code.to_string();
                let names = (view.section.name_en, view.section.name_hi);
                let selected = {
                    let code = code.clone();
                    move || value.get() == code
                };
                let text = {
                    let code = code.clone();
                    move || format!("{} — {}", code, i18n.pick(&names.0, &names.1))
                };
                view! {
                    <option value=code prop:selected=selected>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.text(label)}</label>
            <select id=id aria-describedby=described(form, "section", false)
                aria-invalid=move || form.invalid("section").to_string()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" prop:selected=move || value.get().is_empty()>{i18n.text(|t| t.admin.choose_section)}</option>
                {options}
            </select>
            {field_error(form, "section")}
        </div>
    }
}

/// The office's posts: who holds each, with an inline edit and abolition.
#[component]
fn PostTable(list: Vec<PostView>, sections: Signal<Vec<SectionView>>) -> impl IntoView {
    let open = RwSignal::new(None::<String>);
    let columns: Vec<Label> = vec![
        |t| t.admin.post_id,
        |t| t.admin.section,
        |t| t.admin.title_en,
        |t| t.admin.title_hi,
        |t| t.admin.holder,
        |t| t.admin.col_actions,
    ];
    admin_table(
        list,
        "posts-heading",
        columns,
        |t| t.admin.no_posts,
        move |view| post_row(view, open, sections),
    )
}

fn post_row(view: PostView, open: RwSignal<Option<String>>, sections: Signal<Vec<SectionView>>) -> impl IntoView {
    let i18n = use_i18n();
    let post = view.post.clone();
    let id = post.id.to_string();
    let holder = {
        let names = (view.holder_name_en.clone(), view.holder_name_hi.clone());
        let holder = post.holder.clone();
        move || match (&holder, &names) {
            (Some(id), (Some(en), Some(hi))) => format!("{} ({id})", i18n.pick(en, hi)),
            (Some(id), (Some(en), None)) => format!("{en} ({id})"),
            (Some(id), _) => id.to_string(),
            (None, _) => i18n.t().admin.vacant.to_owned(),
        }
    };
    let (edit_key, officers_key, abolish_key) =
        (format!("edit:{id}"), format!("officers:{id}"), format!("abolish:{id}"));
    let panel = {
        let (edit_key, officers_key, abolish_key) = (edit_key.clone(), officers_key.clone(), abolish_key.clone());
        move || {
            if is_open(open, &edit_key) {
                Some(view! { <PostEditRow view=view.clone() sections open/> }.into_any())
            } else if is_open(open, &officers_key) {
                Some(view! { <LeaveOfficersRow post=view.post.id.clone() open/> }.into_any())
            } else if is_open(open, &abolish_key) {
                Some(view! { <AbolishRow view=view.clone() open/> }.into_any())
            } else {
                None
            }
        }
    };
    let label = {
        let id = id.clone();
        move || id.clone()
    };
    view! {
        <tr>
            <th scope="row" class="code">{id.clone()}</th>
            <td class="code" data-label=i18n.text(|t| t.admin.section)>{post.section.to_string()}</td>
            <td lang="en" data-label=i18n.text(|t| t.admin.title_en)>{post.title_en.clone()}</td>
            <td lang="hi" data-label=i18n.text(|t| t.admin.title_hi)>{post.title_hi.clone()}</td>
            <td data-label=i18n.text(|t| t.admin.holder)>{holder}</td>
            <td data-label=i18n.text(|t| t.admin.col_actions) class="admin-row-actions">
                {row_toggle(open, edit_key, |t| t.admin.edit, |t| t.admin.edit_named, "{post}", label.clone(), format!("edit-{id}-section"))}
                {row_toggle(open, officers_key, |t| t.admin.leave_officers, |t| t.admin.leave_officers_named, "{post}", label.clone(), format!("officers-{id}-reporting"))}
                {row_toggle(open, abolish_key, |t| t.admin.abolish, |t| t.admin.abolish_named, "{post}", label, format!("abolish-{id}-yes"))}
            </td>
        </tr>
        {panel}
    }
}

/// The inline form that changes a post's titles and section.
#[component]
fn PostEditRow(view: PostView, sections: Signal<Vec<SectionView>>, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let post = view.post;
    let form = AdminForm::new(format!("edit-{}", post.id));
    let section = RwSignal::new(post.section.to_string());
    let en = RwSignal::new(post.title_en.clone());
    let hi = RwSignal::new(post.title_hi.clone());
    let version = view.version;
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = PostEditForm {
            version,
            section: section.get_untracked(),
            title_en: en.get_untracked(),
            title_hi: hi.get_untracked(),
        };
        if let Err(refusal) = body.apply(&post) {
            form.refuse(refusal);
            return;
        }
        let id = post.id.clone();
        form.send(
            body,
            move |body, key| async move { api::admin::edit_post(&id, &body, &key).await },
            |t| t.admin.saved,
            move || open.set(None),
        );
    };
    view! {
        <tr class="admin-edit-row">
            <td colspan="6">
                <form class="admin-inline-form" on:submit=submit on:keydown=close_on_escape(open) novalidate=true>
                    <Problems form/>
                    {section_select(form, |t| t.admin.move_to_section, section, sections)}
                    {title_fields(form, en, hi, true)}
                    <div class="actions">
                        <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_post)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| close_row(open)>{i18n.text(|t| t.cancel)}</button>
                    </div>
                </form>
            </td>
        </tr>
    }
}

/// The inline form that sets a post's e-Leave officers, once their current setting is read.
#[component]
fn LeaveOfficersRow(post: PostId, open: RwSignal<Option<String>>) -> impl IntoView {
    let current = {
        let post = post.clone();
        LocalResource::new(move || {
            let post = post.clone();
            async move { api::admin::leave_officers(&post).await }
        })
    };
    view! {
        <tr class="admin-edit-row">
            <td colspan="6">
                <Transition fallback=Loading>
                    {move || current.get().map(|result| match result {
                        Ok(view) => view! { <LeaveOfficersEditor post=post.clone() view open/> }.into_any(),
                        Err(error) => refusal(error).into_any(),
                    })}
                </Transition>
            </td>
        </tr>
    }
}

/// The four posts that act on leave applied for by the post's holder, prefilled, checked with
/// the domain's parse before sending, and saved at the version read.
#[component]
fn LeaveOfficersEditor(post: PostId, view: LeaveOfficersView, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new(format!("officers-{post}"));
    let LeaveOfficersView { officers, version } = view;
    let shown = |pick: fn(&daftar_domain::leave::officers::LeaveOfficers) -> Option<String>| {
        RwSignal::new(officers.as_ref().and_then(pick).unwrap_or_default())
    };
    let reporting = shown(|o| Some(o.reporting.to_string()));
    let controlling = shown(|o| Some(o.controlling.to_string()));
    let establishment = shown(|o| Some(o.establishment.to_string()));
    let alternate = shown(|o| o.reporting_alternate.as_ref().map(ToString::to_string));
    // The toggle's own focus comes before the form is read; the first field takes it once shown.
    let first = form.id("reporting");
    request_animation_frame(move || focus(&first));
    let none_yet = officers
        .is_none()
        .then(|| view! { <p class="hint">{i18n.text(|t| t.admin.no_leave_officers)}</p> });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = LeaveOfficersForm {
            version: Some(version),
            reporting: reporting.get_untracked(),
            controlling: controlling.get_untracked(),
            establishment: establishment.get_untracked(),
            reporting_alternate: Some(alternate.get_untracked()),
        };
        if let Err(refusal) = body.parse(&post) {
            form.refuse(refusal);
            return;
        }
        let post = post.clone();
        form.send(
            body,
            move |body, key| async move { api::admin::set_leave_officers(&post, &body, &key).await },
            |t| t.admin.saved,
            move || open.set(None),
        );
    };
    view! {
        <form class="admin-inline-form" on:submit=submit on:keydown=close_on_escape(open) novalidate=true>
            {none_yet}
            <Problems form/>
            <div class="field-row">
                {text_field(form, "reporting", |t| t.admin.reporting_officer, reporting, None, None)}
                {text_field(form, "controlling", |t| t.admin.controlling_officer, controlling, None, None)}
            </div>
            <div class="field-row">
                {text_field(form, "establishment", |t| t.admin.establishment_post, establishment, None, None)}
                {text_field(form, "reporting_alternate", |t| t.admin.alternate_reporting_officer, alternate, None, None)}
            </div>
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.save_leave_officers)}</button>
                <button type="button" class="button-secondary" on:click=move |_| close_row(open)>{i18n.text(|t| t.cancel)}</button>
            </div>
        </form>
    }
}

/// A post's English and Hindi titles.
fn title_fields(form: AdminForm, en: RwSignal<String>, hi: RwSignal<String>, editing: bool) -> impl IntoView {
    let labels: (Label, Label) = if editing {
        (|t| t.admin.new_title_en, |t| t.admin.new_title_hi)
    } else {
        (|t| t.admin.title_en, |t| t.admin.title_hi)
    };
    bilingual_fields(form, ("title_en", "title_hi"), labels, en, hi)
}

/// The confirmation before a post is abolished, and the server's refusal if it has one.
#[component]
fn AbolishRow(view: PostView, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = view.post.id.clone();
    let version = view.version;
    // A post someone holds, or with work waiting, is refused with the reason (a 409 of the
    // "wrong state" kind), shown here; a 409 of the "conflict" kind means it changed meanwhile.
    let form = AdminForm::new(format!("abolish-{id}"));
    let question = {
        let id = id.to_string();
        move || fill(i18n.t().admin.abolish_confirm, "{post}", &id)
    };
    let confirm = move |_| {
        let id = id.clone();
        form.send(
            (id.to_string(), version),
            move |_, key| async move { api::admin::abolish_post(&id, version, &key).await },
            |t| t.admin.abolished,
            move || open.set(None),
        );
    };
    view! {
        <tr class="admin-edit-row admin-confirm-row">
            <td colspan="6">
                <div class="admin-confirm" role="group" on:keydown=close_on_escape(open) aria-label=i18n.text(|t| t.admin.abolish)>
                    <p>{question}</p>
                    <Problems form/>
                    <div class="actions">
                        <button type="button" id=form.id("yes") class="button-danger" on:click=confirm disabled=move || form.busy.get()>{i18n.text(|t| t.admin.abolish_yes)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| close_row(open)>{i18n.text(|t| t.admin.abolish_no)}</button>
                    </div>
                </div>
            </td>
        </tr>
    }
}

/// The form that adds a vacant post to one of the office's sections.
#[component]
fn AddPost(office: OfficeCode, dept: Signal<Option<DeptCode>>, sections: Signal<Vec<SectionView>>) -> impl IntoView {
    let i18n = use_i18n();
    let form = AdminForm::new("add-post").creating("id");
    let id = RwSignal::new(String::new());
    let section = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let hi = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = PostForm {
            id: id.get_untracked(),
            section: section.get_untracked(),
            title_en: en.get_untracked(),
            title_hi: hi.get_untracked(),
        };
        // Without a department (a new office reached by its address) the server alone checks.
        if let Some(dept) = dept.get_untracked() {
            if let Err(refusal) = body.parse(&dept, &office) {
                form.refuse(refusal);
                return;
            }
        }
        let office = office.clone();
        form.add(
            body,
            move |body, key| async move { api::admin::create_post(&office, &body, &key).await },
            vec![id, en, hi],
        );
    };
    view! {
        <h3 id="add-post-heading">{i18n.text(|t| t.admin.add_post)}</h3>
        <form class="page-form admin-form" aria-labelledby="add-post-heading" on:submit=submit novalidate=true>
            <Problems form/>
            <div class="field-row">
                {text_field(form, "id", |t| t.admin.post_id, id, Some(|t| t.admin.post_id_hint), None)}
                {section_select(form, |t| t.admin.section, section, sections)}
            </div>
            {title_fields(form, en, hi, false)}
            <div class="actions">
                <button type="submit" class="button-primary" disabled=move || form.busy.get()>{i18n.text(|t| t.admin.add_post_button)}</button>
            </div>
        </form>
    }
}
