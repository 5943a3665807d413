//! The knowledge library's strings, in English and Hindi. Templates hold `{number}` or `{n}`.

use daftar_domain::kms::Category;

#[derive(Debug)]
pub struct KmsTexts {
    pub nav_library: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub words: &'static str,
    pub words_hint: &'static str,
    pub number: &'static str,
    pub department: &'static str,
    pub any_department: &'static str,
    pub category: &'static str,
    pub any_category: &'static str,
    pub issued_from: &'static str,
    pub issued_to: &'static str,
    pub search: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub in_force: &'static str,
    /// `{number}`: the document that replaced it.
    pub superseded_by: &'static str,
    pub withdrawn: &'static str,
    pub issued_on: &'static str,
    pub summary: &'static str,
    pub tags: &'static str,
    pub attachments: &'static str,
    pub no_attachments: &'static str,
    pub versions: &'static str,
    /// `{n}`.
    pub version: &'static str,
    /// `{n}`: the version a roll-back restored.
    pub restores: &'static str,
    pub current: &'static str,
    pub back_to_search: &'static str,
    pub categories: [&'static str; 7],
}

impl KmsTexts {
    pub fn category(&self, category: Category) -> &'static str {
        let at = Category::ALL.iter().position(|c| *c == category).unwrap_or(0);
        self.categories[at]
    }
}

pub const EN: KmsTexts = KmsTexts {
    nav_library: "Library",
    title: "Circulars, orders and manuals",
    intro: "Search the government's circulars, orders, notifications, acts, guidelines, manuals and forms, in English or Hindi. Documents in force come first.",
    words: "Words",
    words_hint: "For example: pension, dearness allowance, पेंशन",
    number: "Number",
    department: "Issuing department",
    any_department: "Any department",
    category: "Kind",
    any_category: "Any kind",
    issued_from: "Issued from",
    issued_to: "Issued up to",
    search: "Search",
    results: "Documents found",
    no_results: "No document matches. Try fewer words or another spelling.",
    in_force: "In force",
    superseded_by: "Superseded by {number}",
    withdrawn: "Withdrawn",
    issued_on: "Issued on",
    summary: "Summary",
    tags: "Tags",
    attachments: "Files of this version",
    no_attachments: "This version has no files.",
    versions: "Versions",
    version: "Version {n}",
    restores: "restores version {n}",
    current: "current",
    back_to_search: "Back to the search",
    categories: ["Circular", "Order", "Notification", "Act", "Guideline", "Manual", "Form"],
};

pub const HI: KmsTexts = KmsTexts {
    nav_library: "ज्ञान कोष",
    title: "परिपत्र, आदेश और नियमावलियाँ",
    intro: "सरकार के परिपत्र, आदेश, अधिसूचनाएँ, अधिनियम, दिशानिर्देश, नियमावलियाँ और प्रपत्र हिंदी या अंग्रेज़ी में खोजें। लागू दस्तावेज़ पहले दिखते हैं।",
    words: "शब्द",
    words_hint: "उदाहरण: पेंशन, महँगाई भत्ता, pension",
    number: "संख्या",
    department: "जारी करने वाला विभाग",
    any_department: "कोई भी विभाग",
    category: "प्रकार",
    any_category: "कोई भी प्रकार",
    issued_from: "जारी होने की तिथि से",
    issued_to: "जारी होने की तिथि तक",
    search: "खोजें",
    results: "मिले दस्तावेज़",
    no_results: "कोई दस्तावेज़ नहीं मिला। कम शब्द या दूसरी वर्तनी आज़माएँ।",
    in_force: "लागू",
    superseded_by: "{number} द्वारा अधिक्रमित",
    withdrawn: "वापस लिया गया",
    issued_on: "जारी होने की तिथि",
    summary: "सारांश",
    tags: "टैग",
    attachments: "इस संस्करण की फ़ाइलें",
    no_attachments: "इस संस्करण में कोई फ़ाइल नहीं है।",
    versions: "संस्करण",
    version: "संस्करण {n}",
    restores: "संस्करण {n} को पुनः लागू करता है",
    current: "वर्तमान",
    back_to_search: "खोज पर वापस",
    categories: ["परिपत्र", "आदेश", "अधिसूचना", "अधिनियम", "दिशानिर्देश", "नियमावली", "प्रपत्र"],
};
