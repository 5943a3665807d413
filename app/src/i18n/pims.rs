//! The personnel pages' strings, in English and Hindi. Templates hold `{n}` or `{m}`.

#[derive(Debug)]
pub struct PimsTexts {
    pub nav_people: &'static str,
    pub onboard_title: &'static str,
    pub onboard_intro: &'static str,
    pub columns: &'static str,
    pub csv_label: &'static str,
    pub choose_file: &'static str,
    pub check: &'static str,
    pub load: &'static str,
    pub load_hint: &'static str,
    /// `{n}` rows.
    pub all_valid: &'static str,
    /// `{n}` rows with problems.
    pub some_invalid: &'static str,
    pub problems_caption: &'static str,
    pub line: &'static str,
    pub column: &'static str,
    pub reason: &'static str,
    /// `{n}` loaded, `{m}` already there.
    pub loaded: &'static str,
    pub export_title: &'static str,
    pub office_code: &'static str,
    pub export_csv: &'static str,
}

pub const EN: PimsTexts = PimsTexts {
    nav_people: "Onboarding",
    onboard_title: "Onboard employees from a CSV file",
    onboard_intro: "Check the file first: every row with a problem is listed with its line number and nothing is loaded. Once the check finds nothing wrong, load it. Loading the same file again finishes an interrupted load and never adds anyone twice.",
    columns: "Columns, in this order, with a header row:",
    csv_label: "Employees and posts (CSV)",
    choose_file: "Choose a CSV file",
    check: "Check the file",
    load: "Load the employees",
    load_hint: "Loading is possible after a check of this very text finds no problem.",
    all_valid: "All {n} rows are valid. Nothing has been loaded yet.",
    some_invalid: "{n} problems found. Nothing has been loaded; correct the rows and check again.",
    problems_caption: "Rows to correct",
    line: "Line",
    column: "Column",
    reason: "Reason",
    loaded: "Loaded {n} employees; {m} were already there.",
    export_title: "Export an office's employees",
    office_code: "Office code",
    export_csv: "Download CSV",
};

pub const HI: PimsTexts = PimsTexts {
    nav_people: "नियुक्ति दर्ज करें",
    onboard_title: "CSV फ़ाइल से कर्मचारी दर्ज करें",
    onboard_intro: "पहले फ़ाइल जाँचें: हर त्रुटिपूर्ण पंक्ति उसकी पंक्ति संख्या के साथ दिखेगी और कुछ भी दर्ज नहीं होगा। जाँच में कोई त्रुटि न मिले तो दर्ज करें। वही फ़ाइल दोबारा भेजने पर अधूरा काम पूरा होता है, कोई दो बार नहीं जुड़ता।",
    columns: "कॉलम, इसी क्रम में, शीर्ष पंक्ति सहित:",
    csv_label: "कर्मचारी और पद (CSV)",
    choose_file: "CSV फ़ाइल चुनें",
    check: "फ़ाइल जाँचें",
    load: "कर्मचारी दर्ज करें",
    load_hint: "इसी पाठ की जाँच में कोई त्रुटि न मिलने पर ही दर्ज किया जा सकता है।",
    all_valid: "सभी {n} पंक्तियाँ सही हैं। अभी कुछ दर्ज नहीं हुआ है।",
    some_invalid: "{n} त्रुटियाँ मिलीं। कुछ दर्ज नहीं हुआ; पंक्तियाँ ठीक करके फिर जाँचें।",
    problems_caption: "ठीक करने योग्य पंक्तियाँ",
    line: "पंक्ति",
    column: "कॉलम",
    reason: "कारण",
    loaded: "{n} कर्मचारी दर्ज हुए; {m} पहले से थे।",
    export_title: "किसी कार्यालय के कर्मचारी निर्यात करें",
    office_code: "कार्यालय कोड",
    export_csv: "CSV डाउनलोड करें",
};
