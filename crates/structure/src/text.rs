//! Joining lines and spans into block text.
//!
//! Chinese text has no spaces between Han characters: a line break next to a CJK
//! character joins without a space. English lines join with one space; a line-end
//! hyphen or slash is kept and joins without a space (UN English has many real
//! hyphens, so no word is ever de-hyphenated; DESIGN.md).

use unpara_model::{is_cjk, Lang};

/// Appends `next` (one line's text) to `text` following the language's joining rule.
pub(crate) fn append_line(text: &mut String, next: &str, lang: Lang) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    let (Some(a), Some(b)) = (text.chars().last(), next.chars().next()) else {
        text.push_str(next);
        return;
    };
    let no_space = is_cjk(a)
        || is_cjk(b)
        || a == '-'
        || a == '\u{2010}'
        || a == '\u{2011}'
        || a == '/'
        || (lang == Lang::Zh && a.is_ascii_digit() && b.is_ascii_digit());
    if !no_space {
        text.push(' ');
    }
    text.push_str(next);
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(lines: &[&str], lang: Lang) -> String {
        let mut t = String::new();
        for l in lines {
            append_line(&mut t, l, lang);
        }
        t
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        assert_eq!(
            join(&["设立一个不限成员名额政府间临时工", "作组，就"], Lang::Zh),
            "设立一个不限成员名额政府间临时工作组，就"
        );
        assert_eq!(
            join(&["《2030 年可持续发展议程》第 203", "0 年"], Lang::Zh),
            "《2030 年可持续发展议程》第 2030 年"
        );
        assert_eq!(
            join(&["主席 Alexander", "Kononov"], Lang::Zh),
            "主席 Alexander Kononov"
        );
    }

    #[test]
    fn english_lines_join_with_one_space_and_keep_hyphens() {
        assert_eq!(
            join(
                &[
                    "the United Nations Convention against ",
                    "Corruption decided"
                ],
                Lang::En
            ),
            "the United Nations Convention against Corruption decided"
        );
        assert_eq!(
            join(
                &["99 per cent of tuberculosis-", "associated deaths"],
                Lang::En
            ),
            "99 per cent of tuberculosis-associated deaths"
        );
    }
}
