//! The administration pages' strings, in English and Hindi. Templates hold `{dept}`,
//! `{office}`, `{post}`, `{id}`, `{name}`, `{code}`, `{state}`, `{year}`, `{v}`, `{date}`,
//! `{by}`, `{at}`, `{days}`, `{col}`, `{n}` or `{reason}`.

use daftar_domain::leave::HolidayKind;
use daftar_domain::org::Role;

#[derive(Debug)]
pub struct AdminTexts {
    pub nav_admin: &'static str,

    // Shared by every page.
    pub title: &'static str,
    pub intro: &'static str,
    pub forbidden: &'static str,
    pub back_to_admin: &'static str,
    pub stale: &'static str,
    pub saved: &'static str,
    pub added: &'static str,
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_hi: &'static str,
    pub new_name_en: &'static str,
    pub new_name_hi: &'static str,
    pub col_actions: &'static str,
    pub rename: &'static str,
    /// `{name}`.
    pub rename_named: &'static str,
    pub save_name: &'static str,
    /// `{col}` and `{n}`: a field's label in a table row, for screen readers.
    pub in_row: &'static str,

    // `/admin`.
    pub links_heading: &'static str,
    pub audit_link: &'static str,
    pub roles_heading: &'static str,
    pub show_roles: &'static str,
    pub departments_heading: &'static str,
    pub no_departments: &'static str,
    pub kind: &'static str,
    pub add_department: &'static str,
    pub dept_code: &'static str,
    pub dept_code_hint: &'static str,
    pub add_department_button: &'static str,

    // `/admin/departments/{dept}`.
    /// `{dept}`.
    pub offices_title: &'static str,
    pub no_offices: &'static str,
    pub col_district: &'static str,
    pub headquarters: &'static str,
    pub add_office: &'static str,
    pub office_code: &'static str,
    pub office_code_hint: &'static str,
    pub office_place: &'static str,
    pub district_office: &'static str,
    pub district: &'static str,
    pub add_office_button: &'static str,

    // `/admin/offices/{office}`.
    /// `{office}`.
    pub office_title: &'static str,
    pub back_to_department: &'static str,
    pub sections_heading: &'static str,
    pub no_sections: &'static str,
    pub add_section: &'static str,
    pub section_code: &'static str,
    pub section_code_hint: &'static str,
    pub add_section_button: &'static str,
    pub posts_heading: &'static str,
    pub no_posts: &'static str,
    pub post_id: &'static str,
    pub post_id_hint: &'static str,
    pub section: &'static str,
    pub choose_section: &'static str,
    pub title_en: &'static str,
    pub title_hi: &'static str,
    pub new_title_en: &'static str,
    pub new_title_hi: &'static str,
    pub move_to_section: &'static str,
    pub holder: &'static str,
    pub vacant: &'static str,
    pub add_post: &'static str,
    pub add_post_button: &'static str,
    pub edit: &'static str,
    /// `{post}`.
    pub edit_named: &'static str,
    pub save_post: &'static str,
    pub abolish: &'static str,
    /// `{post}`.
    pub abolish_named: &'static str,
    /// `{post}`.
    pub abolish_confirm: &'static str,
    pub abolish_yes: &'static str,
    pub abolish_no: &'static str,
    pub abolished: &'static str,

    // Roles.
    /// `{id}`.
    pub roles_title: &'static str,
    pub roles_intro: &'static str,
    pub roles_legend: &'static str,
    pub role_employee: &'static str,
    pub role_diarist: &'static str,
    pub role_control_room: &'static str,
    pub role_admin: &'static str,
    pub save_roles: &'static str,
    pub roles_link: &'static str,
    pub open_record: &'static str,

    // Leave rules.
    pub rules_title: &'static str,
    pub rules_intro: &'static str,
    /// `{v}`, `{state}`, `{date}`.
    pub rules_in_force: &'static str,
    /// `{by}`, `{at}`.
    pub recorded: &'static str,
    pub rules_caption: &'static str,
    pub col_leave: &'static str,
    pub col_credit: &'static str,
    pub col_max_balance: &'static str,
    pub col_max_spell: &'static str,
    pub col_backdate: &'static str,
    pub not_earned: &'static str,
    pub days_hint: &'static str,
    pub effective_from: &'static str,
    pub save_rules: &'static str,
    pub bad_days: &'static str,
    pub bad_whole_days: &'static str,
    /// `{reason}`.
    pub rules_incoherent: &'static str,
    pub err_cap_below_credit: &'static str,
    pub err_spell_bounds: &'static str,

    // Holidays.
    pub holidays_title: &'static str,
    pub holidays_intro: &'static str,
    pub year: &'static str,
    pub show: &'static str,
    /// `{state}`, `{year}`.
    pub holidays_caption: &'static str,
    /// `{year}`.
    pub no_calendar: &'static str,
    /// `{v}`.
    pub calendar_version: &'static str,
    /// `{days}`.
    pub weekly_offs: &'static str,
    pub col_date: &'static str,
    pub gazetted: &'static str,
    pub restricted: &'static str,
    pub add_holiday: &'static str,
    pub remove: &'static str,
    pub save_holidays: &'static str,
    /// `{year}`.
    pub err_not_in_year: &'static str,
    pub err_duplicate_holiday: &'static str,
    pub no_holidays: &'static str,
}

impl AdminTexts {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Employee => self.role_employee,
            Role::Diarist => self.role_diarist,
            Role::ControlRoom => self.role_control_room,
            Role::Admin => self.role_admin,
        }
    }

    pub fn holiday_kind(&self, kind: HolidayKind) -> &'static str {
        match kind {
            HolidayKind::Gazetted => self.gazetted,
            HolidayKind::Restricted => self.restricted,
        }
    }
}

pub const EN: AdminTexts = AdminTexts {
    nav_admin: "Administration",

    title: "Administration",
    intro: "Manage the organisation: departments, their offices, sections and posts; who may do what; the leave rules and the holidays.",
    forbidden: "Only administrators may manage the organisation. Ask an administrator if something needs to change.",
    back_to_admin: "Back to Administration",
    stale: "Someone else changed this after you opened it, so nothing was saved. The page now shows their change: check it and try again.",
    saved: "Saved.",
    added: "Added.",
    code: "Code",
    name_en: "Name (English)",
    name_hi: "Name (Hindi)",
    new_name_en: "New name (English)",
    new_name_hi: "New name (Hindi)",
    col_actions: "Actions",
    rename: "Rename",
    rename_named: "Rename {name}",
    save_name: "Save the new name",
    in_row: "{col}, row {n}",

    links_heading: "Also administered here",
    audit_link: "Audit log of administrative changes",
    roles_heading: "An employee's roles",
    show_roles: "Show their roles",
    departments_heading: "Departments",
    no_departments: "No departments yet.",
    kind: "Kind",
    add_department: "Add a department",
    dept_code: "Department code",
    dept_code_hint: "2 to 16 letters A–Z, digits or inner hyphens, for example AGR.",
    add_department_button: "Add department",

    offices_title: "Offices of {dept}",
    no_offices: "This department has no offices yet.",
    col_district: "District",
    headquarters: "Headquarters",
    add_office: "Add an office",
    office_code: "Office code",
    office_code_hint: "2 to 24 letters A–Z, digits or inner hyphens, for example AGR-HSR.",
    office_place: "Where the office is",
    district_office: "In a district",
    district: "District",
    add_office_button: "Add office",

    office_title: "Office {office}",
    back_to_department: "Back to the department's offices",
    sections_heading: "Sections",
    no_sections: "This office has no sections yet. Add one before adding posts.",
    add_section: "Add a section",
    section_code: "Section code",
    section_code_hint: "Short, such as BUDGET, or in full, such as FIN-HQ-BUDGET; a short code is prefixed with the office's.",
    add_section_button: "Add section",
    posts_heading: "Posts",
    no_posts: "This office has no posts yet.",
    post_id: "Post ID",
    post_id_hint: "2 to 48 letters A–Z, digits or inner hyphens, for example FIN-HQ-SO-BUDGET.",
    section: "Section",
    choose_section: "Choose a section",
    title_en: "Title (English)",
    title_hi: "Title (Hindi)",
    new_title_en: "New title (English)",
    new_title_hi: "New title (Hindi)",
    move_to_section: "Section of the post",
    holder: "Held by",
    vacant: "Vacant",
    add_post: "Add a post",
    add_post_button: "Add post",
    edit: "Edit",
    edit_named: "Edit post {post}",
    save_post: "Save the post",
    abolish: "Abolish",
    abolish_named: "Abolish post {post}",
    abolish_confirm: "Abolish post {post}? It will receive no more files or receipts, and this cannot be undone.",
    abolish_yes: "Yes, abolish it",
    abolish_no: "Keep it",
    abolished: "The post is abolished.",

    roles_title: "Roles of {id}",
    roles_intro: "Roles say what an employee may do beyond working at their own posts. Everyone needs at least one.",
    roles_legend: "Roles",
    role_employee: "Employee: works on files and receipts at their posts",
    role_diarist: "Diarist: diarises inward letters for their office",
    role_control_room: "Control room: watches pendency, changes nothing",
    role_admin: "Administrator: manages the organisation and its people",
    save_roles: "Save the roles",
    roles_link: "Change this employee's roles",
    open_record: "Open the employee's record",

    rules_title: "Leave rules",
    rules_intro: "Change what each kind of leave credits and allows. Saving records a new version from its effective date; the earlier versions stay for the ledgers made under them.",
    rules_in_force: "Version {v} of the rules for {state}, in force from {date}.",
    recorded: "Recorded by {by} on {at}.",
    rules_caption: "The rules for each kind of leave",
    col_leave: "Leave",
    col_credit: "Credit per period (days)",
    col_max_balance: "Most the account may hold (days)",
    col_max_spell: "Longest spell (days)",
    col_backdate: "Days after its start it may be applied for",
    not_earned: "not earned",
    days_hint: "Days may be whole or half (2.5). Leave a limit empty for no limit.",
    effective_from: "Effective from",
    save_rules: "Save as a new version",
    bad_days: "Write whole or half days, such as 8 or 2.5.",
    bad_whole_days: "Write a whole number of days.",
    rules_incoherent: "These rules do not hold together: {reason}",
    err_cap_below_credit: "The most the account may hold cannot be less than one credit.",
    err_spell_bounds: "The longest spell cannot be shorter than the shortest one allowed.",

    holidays_title: "Holidays",
    holidays_intro: "The state's gazetted holidays, on which every office is closed, and its restricted holidays, of which an employee may choose a few.",
    year: "Year",
    show: "Show",
    holidays_caption: "Holidays of {state} in {year}",
    no_calendar: "No holidays have been set for {year} yet: add them and save.",
    calendar_version: "Version {v}.",
    weekly_offs: "Weekly offs: {days}",
    col_date: "Date",
    gazetted: "Gazetted",
    restricted: "Restricted",
    add_holiday: "Add a holiday",
    remove: "Remove",
    save_holidays: "Save the holidays",
    err_not_in_year: "The date must be in {year}.",
    err_duplicate_holiday: "Another holiday of the same kind falls on this date.",
    no_holidays: "No holidays in the list.",
};

pub const HI: AdminTexts = AdminTexts {
    nav_admin: "प्रशासन",

    title: "प्रशासन",
    intro: "संगठन का प्रबंधन करें: विभाग, उनके कार्यालय, अनुभाग और पद; कौन क्या कर सकता है; अवकाश नियम और अवकाश-दिवस।",
    forbidden: "संगठन का प्रबंधन केवल प्रशासक कर सकते हैं। कुछ बदलना हो तो किसी प्रशासक से कहें।",
    back_to_admin: "प्रशासन पर वापस",
    stale: "आपके खोलने के बाद किसी और ने इसे बदल दिया, इसलिए कुछ नहीं सहेजा गया। पृष्ठ अब उनका बदलाव दिखा रहा है: उसे देखकर फिर प्रयास करें।",
    saved: "सहेज लिया गया।",
    added: "जोड़ दिया गया।",
    code: "कोड",
    name_en: "नाम (अंग्रेज़ी)",
    name_hi: "नाम (हिंदी)",
    new_name_en: "नया नाम (अंग्रेज़ी)",
    new_name_hi: "नया नाम (हिंदी)",
    col_actions: "कार्रवाई",
    rename: "नाम बदलें",
    rename_named: "{name} का नाम बदलें",
    save_name: "नया नाम सहेजें",
    in_row: "{col}, पंक्ति {n}",

    links_heading: "यहाँ और क्या प्रबंधित होता है",
    audit_link: "प्रशासनिक बदलावों का लेखा-परीक्षा लॉग",
    roles_heading: "कर्मचारी की भूमिकाएँ",
    show_roles: "भूमिकाएँ दिखाएँ",
    departments_heading: "विभाग",
    no_departments: "अभी कोई विभाग नहीं है।",
    kind: "प्रकार",
    add_department: "विभाग जोड़ें",
    dept_code: "विभाग कोड",
    dept_code_hint: "A–Z अक्षरों, अंकों या बीच में '-' के 2 से 16 वर्ण, जैसे AGR।",
    add_department_button: "विभाग जोड़ें",

    offices_title: "{dept} के कार्यालय",
    no_offices: "इस विभाग का अभी कोई कार्यालय नहीं है।",
    col_district: "ज़िला",
    headquarters: "मुख्यालय",
    add_office: "कार्यालय जोड़ें",
    office_code: "कार्यालय कोड",
    office_code_hint: "A–Z अक्षरों, अंकों या बीच में '-' के 2 से 24 वर्ण, जैसे AGR-HSR।",
    office_place: "कार्यालय कहाँ है",
    district_office: "किसी ज़िले में",
    district: "ज़िला",
    add_office_button: "कार्यालय जोड़ें",

    office_title: "कार्यालय {office}",
    back_to_department: "विभाग के कार्यालयों पर वापस",
    sections_heading: "अनुभाग",
    no_sections: "इस कार्यालय का अभी कोई अनुभाग नहीं है। पद जोड़ने से पहले अनुभाग जोड़ें।",
    add_section: "अनुभाग जोड़ें",
    section_code: "अनुभाग कोड",
    section_code_hint: "छोटा, जैसे BUDGET, या पूरा, जैसे FIN-HQ-BUDGET; छोटे कोड के आगे कार्यालय का कोड जुड़ जाता है।",
    add_section_button: "अनुभाग जोड़ें",
    posts_heading: "पद",
    no_posts: "इस कार्यालय में अभी कोई पद नहीं है।",
    post_id: "पद आईडी",
    post_id_hint: "A–Z अक्षरों, अंकों या बीच में '-' के 2 से 48 वर्ण, जैसे FIN-HQ-SO-BUDGET।",
    section: "अनुभाग",
    choose_section: "अनुभाग चुनें",
    title_en: "पदनाम (अंग्रेज़ी)",
    title_hi: "पदनाम (हिंदी)",
    new_title_en: "नया पदनाम (अंग्रेज़ी)",
    new_title_hi: "नया पदनाम (हिंदी)",
    move_to_section: "पद का अनुभाग",
    holder: "पदधारी",
    vacant: "रिक्त",
    add_post: "पद जोड़ें",
    add_post_button: "पद जोड़ें",
    edit: "संपादित करें",
    edit_named: "पद {post} संपादित करें",
    save_post: "पद सहेजें",
    abolish: "समाप्त करें",
    abolish_named: "पद {post} समाप्त करें",
    abolish_confirm: "पद {post} समाप्त करें? इस पर आगे कोई फ़ाइल या प्राप्ति नहीं आएगी, और इसे वापस नहीं लिया जा सकता।",
    abolish_yes: "हाँ, समाप्त करें",
    abolish_no: "रहने दें",
    abolished: "पद समाप्त कर दिया गया।",

    roles_title: "{id} की भूमिकाएँ",
    roles_intro: "भूमिकाएँ बताती हैं कि कर्मचारी अपने पदों पर कार्य के अतिरिक्त क्या कर सकता है। हर किसी की कम से कम एक भूमिका होनी चाहिए।",
    roles_legend: "भूमिकाएँ",
    role_employee: "कर्मचारी: अपने पदों पर फ़ाइलों और प्राप्तियों पर कार्य करता है",
    role_diarist: "डायरी लिपिक: अपने कार्यालय के आवक पत्र डायरी करता है",
    role_control_room: "नियंत्रण कक्ष: लंबित कार्य देखता है, कुछ नहीं बदलता",
    role_admin: "प्रशासक: संगठन और उसके कर्मचारियों का प्रबंधन करता है",
    save_roles: "भूमिकाएँ सहेजें",
    roles_link: "इस कर्मचारी की भूमिकाएँ बदलें",
    open_record: "कर्मचारी का अभिलेख खोलें",

    rules_title: "अवकाश नियम",
    rules_intro: "हर प्रकार के अवकाश का जमा और सीमाएँ बदलें। सहेजने पर प्रभावी तिथि से नया संस्करण दर्ज होता है; पुराने संस्करण उनके अंतर्गत बनी खाता प्रविष्टियों के लिए बने रहते हैं।",
    rules_in_force: "{state} के नियमों का संस्करण {v}, {date} से लागू।",
    recorded: "{by} द्वारा {at} को दर्ज।",
    rules_caption: "हर प्रकार के अवकाश के नियम",
    col_leave: "अवकाश",
    col_credit: "प्रति अवधि जमा (दिन)",
    col_max_balance: "खाते में अधिकतम (दिन)",
    col_max_spell: "सबसे लंबी अवधि (दिन)",
    col_backdate: "आरंभ के कितने दिन बाद तक आवेदन हो सकता है",
    not_earned: "अर्जित नहीं होता",
    days_hint: "दिन पूरे या आधे (2.5) हो सकते हैं। कोई सीमा न हो तो ख़ाली छोड़ें।",
    effective_from: "प्रभावी तिथि",
    save_rules: "नए संस्करण के रूप में सहेजें",
    bad_days: "पूरे या आधे दिन लिखें, जैसे 8 या 2.5।",
    bad_whole_days: "दिनों की पूरी संख्या लिखें।",
    rules_incoherent: "ये नियम आपस में मेल नहीं खाते: {reason}",
    err_cap_below_credit: "खाते में अधिकतम सीमा एक बार के जमा से कम नहीं हो सकती।",
    err_spell_bounds: "सबसे लंबी अवधि न्यूनतम अनुमत अवधि से छोटी नहीं हो सकती।",

    holidays_title: "अवकाश-दिवस",
    holidays_intro: "राज्य के राजपत्रित अवकाश, जिन पर हर कार्यालय बंद रहता है, और प्रतिबंधित अवकाश, जिनमें से कर्मचारी कुछ चुन सकता है।",
    year: "वर्ष",
    show: "दिखाएँ",
    holidays_caption: "{state} के {year} के अवकाश-दिवस",
    no_calendar: "{year} के अवकाश-दिवस अभी तय नहीं हुए हैं: उन्हें जोड़कर सहेजें।",
    calendar_version: "संस्करण {v}।",
    weekly_offs: "साप्ताहिक अवकाश: {days}",
    col_date: "तिथि",
    gazetted: "राजपत्रित",
    restricted: "प्रतिबंधित",
    add_holiday: "अवकाश-दिवस जोड़ें",
    remove: "हटाएँ",
    save_holidays: "अवकाश-दिवस सहेजें",
    err_not_in_year: "तिथि {year} की होनी चाहिए।",
    err_duplicate_holiday: "इस तिथि पर इसी प्रकार का एक और अवकाश है।",
    no_holidays: "सूची में कोई अवकाश-दिवस नहीं है।",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_keep_their_placeholders_in_both_languages() {
        for t in [&EN, &HI] {
            let templates = [
                (t.rename_named, "{name}"),
                (t.in_row, "{col}"),
                (t.in_row, "{n}"),
                (t.offices_title, "{dept}"),
                (t.office_title, "{office}"),
                (t.edit_named, "{post}"),
                (t.abolish_named, "{post}"),
                (t.abolish_confirm, "{post}"),
                (t.roles_title, "{id}"),
                (t.rules_in_force, "{v}"),
                (t.rules_in_force, "{state}"),
                (t.rules_in_force, "{date}"),
                (t.recorded, "{by}"),
                (t.recorded, "{at}"),
                (t.rules_incoherent, "{reason}"),
                (t.holidays_caption, "{state}"),
                (t.holidays_caption, "{year}"),
                (t.no_calendar, "{year}"),
                (t.calendar_version, "{v}"),
                (t.weekly_offs, "{days}"),
                (t.err_not_in_year, "{year}"),
            ];
            for (template, placeholder) in templates {
                assert!(template.contains(placeholder), "{template} lacks {placeholder}");
            }
        }
    }

    #[test]
    fn every_role_and_holiday_kind_is_named() {
        for role in [Role::Employee, Role::Diarist, Role::ControlRoom, Role::Admin] {
            assert_ne!(EN.role(role), HI.role(role));
        }
        assert_ne!(
            EN.holiday_kind(HolidayKind::Gazetted),
            EN.holiday_kind(HolidayKind::Restricted)
        );
    }
}
