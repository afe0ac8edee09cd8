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
        || symbol_goes_on(text, next)
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

/// Whether a line ends inside a document symbol broken after a point (`CAC/COSP/WG.` +
/// `4/2017/3`): the last word holds a slash and ends with a point, the next line goes
/// on with a digit or capital and a slash before its first space.
fn symbol_goes_on(text: &str, next: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    let first = next.split(char::is_whitespace).next().unwrap_or_default();
    last.contains('/')
        && last.ends_with('.')
        && first.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
        && first.contains('/')
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) use unpara_model::collapse_whitespace as collapse;

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

    /// Issue 10: a line broken after `WG.` inside a symbol.
    #[test]
    fn symbols_broken_after_a_point_join_without_a_space() {
        assert_eq!(
            join(
                &["the background paper (CAC/COSP/WG.", "4/2017/3) was"],
                Lang::En
            ),
            "the background paper (CAC/COSP/WG.4/2017/3) was"
        );
        assert_eq!(
            join(&["held in Vienna.", "4/2017 was"], Lang::En),
            "held in Vienna. 4/2017 was"
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
