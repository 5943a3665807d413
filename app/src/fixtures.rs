//! Values the app's unit tests share.

use daftar_domain::wire::PostSummary;
use daftar_domain::{DeptCode, OfficeCode, PostId};

/// A post of Finance headquarters, held by an official named in English and Hindi, or vacant.
pub fn finance_post(id: &str, holder_en: Option<&str>, holder_hi: Option<&str>) -> PostSummary {
    PostSummary {
        id: PostId::parse(id).unwrap(),
        title_en: "Section Officer".into(),
        title_hi: "अनुभाग अधिकारी".into(),
        office: OfficeCode::parse("FIN-HQ").unwrap(),
        office_name_en: "Finance, Headquarters".into(),
        office_name_hi: "वित्त, मुख्यालय".into(),
        dept: DeptCode::parse("FIN").unwrap(),
        holder_name_en: holder_en.map(str::to_owned),
        holder_name_hi: holder_hi.map(str::to_owned),
    }
}
