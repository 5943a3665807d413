//! Words for search: how subjects are cut into the index terms kept on write.

use unicode_segmentation::UnicodeSegmentation;

/// The most terms one subject is indexed under: each is one extra write when it is created.
pub const MAX_TERMS: usize = 16;

/// Words too common to narrow a search.
const STOP_WORDS: [&str; 14] = [
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// The distinct search terms of a text, in order of first appearance: Unicode words (so a
/// Devanagari word keeps its vowel signs), lower-cased, without stop words or one-letter words.
pub fn terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in text.unicode_words() {
        let term = word.to_lowercase();
        if term.graphemes(true).count() < 2 || STOP_WORDS.contains(&term.as_str()) || terms.contains(&term) {
            continue;
        }
        terms.push(term);
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// Whether an indexed text has every term of a query.
pub fn matches_all(indexed: &[String], query: &[String]) -> bool {
    query.iter().all(|q| indexed.contains(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_subjects_lose_case_punctuation_and_stop_words() {
        assert_eq!(
            terms("Supplementary Demands for Grants, 2026-27 (Finance)"),
            ["supplementary", "demands", "grants", "2026", "27", "finance"]
        );
    }

    #[test]
    fn hindi_words_keep_their_vowel_signs() {
        // "की" (of) is one grapheme, so it goes like an English one-letter word.
        assert_eq!(terms("बाढ़ राहत की माँग"), ["बाढ़", "राहत", "माँग"]);
    }

    #[test]
    fn terms_are_distinct_and_capped() {
        assert_eq!(terms("pond pond POND"), ["pond"]);
        let long: String = (0..40).map(|i| format!("word{i} ")).collect();
        assert_eq!(terms(&long).len(), MAX_TERMS);
    }

    #[test]
    fn a_query_matches_when_every_term_is_there() {
        let indexed = terms("Repair of village pond at Sohna");
        assert!(matches_all(&indexed, &terms("pond SOHNA")));
        assert!(!matches_all(&indexed, &terms("pond Hisar")));
    }
}
