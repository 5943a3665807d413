//! Choosing a post anywhere in the organisation, department → office → post: where a receipt is
//! forwarded or a file is sent.

use crate::api::{self, ApiError};
use crate::components::error_text;
use crate::components::fields::{described_by, focus};
use crate::components::FieldMessage;
use crate::i18n::{use_i18n, FieldError, Locale, Texts};
use daftar_domain::wire::PostSummary;
use daftar_domain::{DeptCode, OfficeCode, PostId};
use leptos::prelude::*;

/// What the picker holds: the three choices and their error messages. The form that owns the
/// picker creates it and reads the chosen post from it when submitting.
#[derive(Debug, Clone, Copy)]
pub struct PostChoice {
    /// Prefix of the elements' IDs: `fwd` gives `fwd-dept`, `fwd-office`, `fwd-post`.
    prefix: &'static str,
    dept: RwSignal<String>,
    office: RwSignal<String>,
    post: RwSignal<String>,
    dept_error: RwSignal<Option<FieldError>>,
    office_error: RwSignal<Option<FieldError>>,
    post_error: RwSignal<Option<FieldError>>,
}

impl PostChoice {
    /// Creates the signals; call inside the form's component.
    pub fn new(prefix: &'static str) -> Self {
        PostChoice {
            prefix,
            dept: RwSignal::new(String::new()),
            office: RwSignal::new(String::new()),
            post: RwSignal::new(String::new()),
            dept_error: RwSignal::new(None),
            office_error: RwSignal::new(None),
            post_error: RwSignal::new(None),
        }
    }

    fn id(&self, which: &str) -> String {
        format!("{}-{which}", self.prefix)
    }

    /// The chosen post, marking each of the three fields that is still unchosen.
    pub fn parse(&self) -> Option<PostId> {
        let chosen = PostId::parse(&self.post.get_untracked()).ok();
        let unchosen = |value: RwSignal<String>| value.get_untracked().is_empty().then_some(FieldError::Choose);
        self.dept_error.set(unchosen(self.dept));
        self.office_error.set(unchosen(self.office));
        self.post_error.set(chosen.is_none().then_some(FieldError::Choose));
        chosen
    }

    /// Focuses the first of the picker's fields in error; `false` if none is.
    pub fn focus_first_error(&self) -> bool {
        let fields = [
            ("dept", self.dept_error),
            ("office", self.office_error),
            ("post", self.post_error),
        ];
        match fields.into_iter().find(|(_, error)| error.get_untracked().is_some()) {
            Some((which, _)) => {
                focus(&self.id(which));
                true
            }
            None => false,
        }
    }

    /// Marks the post as refused when the server names `to_post` in a 422; `true` if it did.
    pub fn reject(&self, field: Option<&str>) -> bool {
        if field == Some("to_post") {
            self.post_error.set(Some(FieldError::Rejected));
            true
        } else {
            false
        }
    }
}

/// The three linked `<select>`s. `exclude` is left out of the posts (the desk that holds the
/// thing being sent).
#[component]
pub fn PostPicker(choice: PostChoice, #[prop(optional)] exclude: Option<PostId>) -> impl IntoView {
    let i18n = use_i18n();
    let PostChoice {
        dept,
        office,
        post: to_post,
        dept_error,
        office_error,
        post_error,
        ..
    } = choice;
    let departments = LocalResource::new(api::departments);
    let offices = LocalResource::new(move || {
        let dept = DeptCode::parse(&dept.get()).ok();
        async move {
            match dept {
                Some(dept) => api::offices(&dept).await.map(|list| list.offices),
                None => Ok(Vec::new()),
            }
        }
    });
    let posts = LocalResource::new(move || {
        let office = OfficeCode::parse(&office.get()).ok();
        async move {
            match office {
                Some(office) => api::posts(&office).await.map(|list| list.posts),
                None => Ok(Vec::new()),
            }
        }
    });
    let load_error = move || {
        let failed = |result: Option<Result<(), ApiError>>| result.and_then(Result::err);
        failed(departments.get().map(|r| r.map(|_| ())))
            .or_else(|| failed(offices.get().map(|r| r.map(|_| ()))))
            .or_else(|| failed(posts.get().map(|r| r.map(|_| ()))))
    };

    let dept_options = move || {
        let list = departments
            .get()
            .and_then(Result::ok)
            .map(|l| l.departments)
            .unwrap_or_default();
        list.into_iter()
            .map(|d| {
                let code = d.code.to_string();
                let selected = dept.get_untracked() == code;
                view! { <option value=code prop:selected=selected>{move || i18n.pick(&d.name_en, &d.name_hi).to_owned()}</option> }
            })
            .collect_view()
    };
    let office_options = move || {
        let list = offices.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .map(|o| {
                let code = o.code.to_string();
                let selected = office.get_untracked() == code;
                view! { <option value=code prop:selected=selected>{move || i18n.pick(&o.name_en, &o.name_hi).to_owned()}</option> }
            })
            .collect_view()
    };
    let post_options = move || {
        let list = posts.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .filter(|p| Some(&p.id) != exclude.as_ref())
            .map(|p| {
                let id = p.id.to_string();
                let selected = to_post.get_untracked() == id;
                view! { <option value=id prop:selected=selected>{move || post_option_label(i18n.t(), &p, i18n.locale())}</option> }
            })
            .collect_view()
    };

    let choose_dept = move |ev: leptos::ev::Event| {
        dept.set(event_target_value(&ev));
        office.set(String::new());
        to_post.set(String::new());
    };
    let choose_office = move |ev: leptos::ev::Event| {
        office.set(event_target_value(&ev));
        to_post.set(String::new());
    };
    let (dept_id, office_id, post_id) = (choice.id("dept"), choice.id("office"), choice.id("post"));

    view! {
        <div class="form-alert" role="alert">
            {move || load_error().map(|error| view! { <p class="notice notice-error">{error_text(i18n.t(), &error)}</p> })}
        </div>
        <div class="field-row">
            <div class="field">
                <label for=dept_id.clone()>{i18n.text(|t| t.department)}</label>
                <select id=dept_id.clone() aria-describedby=described_by(&dept_id, false)
                    aria-invalid=move || dept_error.get().is_some().to_string() on:change=choose_dept>
                    <option value="" prop:selected=move || dept.get().is_empty()>{i18n.text(|t| t.choose_department)}</option>
                    {dept_options}
                </select>
                <FieldMessage id=format!("{dept_id}-error") error=dept_error/>
            </div>
            <div class="field">
                <label for=office_id.clone()>{i18n.text(|t| t.office)}</label>
                <select id=office_id.clone() aria-describedby=described_by(&office_id, false)
                    aria-invalid=move || office_error.get().is_some().to_string() on:change=choose_office>
                    <option value="" prop:selected=move || office.get().is_empty()>{i18n.text(|t| t.choose_office)}</option>
                    {office_options}
                </select>
                <FieldMessage id=format!("{office_id}-error") error=office_error/>
            </div>
            <div class="field">
                <label for=post_id.clone()>{i18n.text(|t| t.post)}</label>
                <select id=post_id.clone() aria-describedby=described_by(&post_id, false)
                    aria-invalid=move || post_error.get().is_some().to_string()
                    on:change=move |ev| to_post.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || to_post.get().is_empty()>{i18n.text(|t| t.choose_post)}</option>
                    {post_options}
                </select>
                <FieldMessage id=format!("{post_id}-error") error=post_error/>
            </div>
        </div>
    }
}

/// A post in the list: its title and who holds it (or that it is vacant).
fn post_option_label(t: &Texts, post: &PostSummary, locale: Locale) -> String {
    let title = match locale {
        Locale::Hi if !post.title_hi.trim().is_empty() => post.title_hi.as_str(),
        _ => post.title_en.as_str(),
    };
    let holder = match (locale, &post.holder_name_en, &post.holder_name_hi) {
        (Locale::Hi, _, Some(hi)) if !hi.trim().is_empty() => hi.as_str(),
        (_, Some(en), _) => en.as_str(),
        _ => t.vacant,
    };
    format!("{title} — {holder}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, HI};

    fn post(holder_en: Option<&str>, holder_hi: Option<&str>) -> PostSummary {
        crate::fixtures::finance_post("FIN-HQ-SO", holder_en, holder_hi)
    }

    #[test]
    fn posts_are_listed_with_their_holder_or_as_vacant() {
        let held = post(Some("Rajesh Verma"), Some("राजेश वर्मा"));
        assert_eq!(
            post_option_label(&EN, &held, Locale::En),
            "Section Officer — Rajesh Verma"
        );
        assert_eq!(post_option_label(&HI, &held, Locale::Hi), "अनुभाग अधिकारी — राजेश वर्मा");
        let no_hindi_name = post(Some("Rajesh Verma"), Some(" "));
        assert_eq!(
            post_option_label(&HI, &no_hindi_name, Locale::Hi),
            "अनुभाग अधिकारी — Rajesh Verma"
        );
        assert_eq!(
            post_option_label(&EN, &post(None, None), Locale::En),
            "Section Officer — vacant"
        );
    }
}
