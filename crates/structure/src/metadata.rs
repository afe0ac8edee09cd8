//! Front-page metadata: symbol, distribution, date, original language, job number.
//!
//! The UN front page (DESIGN.md, "Domain facts") carries the symbol top right, then
//! `Distr.: General`, the date, the language line and `Original: English`; the footer
//! carries the job number. Metadata lines are consumed: they never become blocks.

use unpara_model::{Lang, Layout, Metadata};

use crate::dates::find_date;
use crate::digit_forms;
use crate::front_lines;
use crate::patterns::{distribution_term, is_language_line};
use crate::symbols::symbols;

/// The document symbol: of the symbol-shaped texts of the front page, in reading order
/// (the masthead first), the first that a later page prints too (its running header),
/// else the first.
pub(crate) fn symbol(layout: &Layout) -> Option<String> {
    let page = layout.pages.first()?;
    let found: Vec<String> = page
        .lines
        .iter()
        .flat_map(|l| {
            let text = l.text();
            symbols(&text)
                .into_iter()
                .filter_map(|s| text.get(s).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    let repeated = found.iter().find(|s| {
        layout
            .pages
            .iter()
            .skip(1)
            .any(|p| p.lines.iter().any(|l| l.text().contains(s.as_str())))
    });
    repeated.or(found.first()).cloned()
}

/// ISO date from a date in `text` in any of the six languages ([`find_date`]).
#[cfg(test)]
fn iso_date(text: &str) -> Option<String> {
    find_date(text).map(|(d, _)| d)
}

/// Removes the metadata found in one front-page line from it, filling `meta`.
/// Returns what is left of the line (possibly empty).
pub(crate) fn consume_line(
    text: &str,
    meta: &mut Metadata,
    seen_distribution: &mut bool,
) -> String {
    let mut rest = text.to_string();
    if let Some(sym) = meta.symbol.as_deref() {
        rest = rest.replace(sym, " ");
    }
    if let Some(f) = front_lines::distribution(&rest) {
        meta.distribution = rest
            .get(f.value)
            .map(|word| distribution_term(word).to_string());
        *seen_distribution = true;
        rest.replace_range(f.whole, " ");
    }
    if let Some(f) = front_lines::original(&rest) {
        meta.original_language = rest.get(f.value).and_then(Lang::parse);
        rest.replace_range(f.whole, " ");
    }
    // The issue date follows the distribution line.
    if *seen_distribution && meta.date.is_none() {
        if let Some((d, range)) = find_date(&rest) {
            meta.date = Some(d);
            rest.replace_range(range, " ");
        }
    }
    let trimmed = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if *seen_distribution && is_language_line(&trimmed) {
        return String::new();
    }
    trimmed
}

/// The job number: the first one printed in a running footer or header line.
pub(crate) fn job_number(furniture_texts: impl IntoIterator<Item = String>) -> Option<String> {
    furniture_texts
        .into_iter()
        .find_map(|t| Some(t.get(digit_forms::job_number(&t)?)?.to_string()))
}

/// A warning when the language letter after the job number (`17-14567 (F)`, UN
/// Editorial Manual: A C E F R S) names another language than the text reads as: a
/// mislabelled file, or a version with another version's footer.
pub(crate) fn job_letter_warning(
    furniture_texts: impl IntoIterator<Item = String>,
    lang: Lang,
) -> Option<String> {
    let (job, letter) = furniture_texts.into_iter().find_map(|t| {
        let (job, letter) = digit_forms::job_letter(&t)?;
        Some((t.get(job)?.to_string(), letter))
    })?;
    let said = Lang::from_job_letter(letter)?;
    (said != lang).then(|| {
        format!(
            "the job number {job} ({letter}) names the {} version, but the text reads as {}",
            said.code(),
            lang.code()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_to_iso() {
        assert_eq!(iso_date("29 August 2017").as_deref(), Some("2017-08-29"));
        assert_eq!(iso_date("5 November 2018").as_deref(), Some("2018-11-05"));
        assert_eq!(iso_date("2017年8月29日").as_deref(), Some("2017-08-29"));
        assert_eq!(iso_date("no date"), None);
    }

    #[test]
    fn front_page_lines_are_consumed() {
        let mut m = Metadata {
            symbol: Some("A/RES/73/8".into()),
            ..Metadata::default()
        };
        let mut seen = false;
        assert_eq!(
            consume_line("United Nations A/RES/73/8", &mut m, &mut seen),
            "United Nations"
        );
        assert_eq!(
            consume_line("General Assembly Distr.: General", &mut m, &mut seen),
            "General Assembly"
        );
        assert_eq!(consume_line("5 November 2018", &mut m, &mut seen), "");
        assert_eq!(consume_line("Chinese", &mut m, &mut seen), "");
        assert_eq!(consume_line("Original: English", &mut m, &mut seen), "");
        assert_eq!(m.distribution.as_deref(), Some("General"));
        assert_eq!(m.date.as_deref(), Some("2018-11-05"));
        assert_eq!(m.original_language, Some(Lang::En));
    }

    /// The front-page lines of the French, Spanish, Russian and Arabic versions, as
    /// the UN prints them (symbol, distribution, date, language line, original).
    #[test]
    fn front_pages_of_the_other_languages() {
        let cases: [(&[&str], &str, &str, Lang); 4] = [
            (
                &[
                    "Nations Unies CAC/COSP/WG.4/2017/4",
                    "Distr. générale",
                    "29 août 2017",
                    "Français",
                    "Original : anglais",
                ],
                "General",
                "2017-08-29",
                Lang::En,
            ),
            (
                &[
                    "Naciones Unidas CAC/COSP/WG.4/2017/4",
                    "Distr. limitada",
                    "29 de agosto de 2017",
                    "Español",
                    "Original: inglés",
                ],
                "Limited",
                "2017-08-29",
                Lang::En,
            ),
            (
                &[
                    "Организация Объединенных Наций CAC/COSP/WG.4/2017/4",
                    "Distr.: General",
                    "29 августа 2017 года",
                    "Russian",
                    "Подлинный текст: английский",
                ],
                "General",
                "2017-08-29",
                Lang::En,
            ),
            (
                &[
                    "الأمم المتحدة CAC/COSP/WG.4/2017/4",
                    "Distr.: General",
                    "29 آب/أغسطس 2017",
                    "Arabic",
                    "الأصل: بالإنكليزية",
                ],
                "General",
                "2017-08-29",
                Lang::En,
            ),
        ];
        for (lines, distribution, date, original) in cases {
            let mut m = Metadata {
                symbol: Some("CAC/COSP/WG.4/2017/4".into()),
                ..Metadata::default()
            };
            let mut seen = false;
            let left: Vec<String> = lines
                .iter()
                .map(|l| consume_line(l, &mut m, &mut seen))
                .collect();
            assert!(left.iter().skip(1).all(String::is_empty), "{left:?}");
            assert_eq!(m.distribution.as_deref(), Some(distribution), "{lines:?}");
            assert_eq!(m.date.as_deref(), Some(date), "{lines:?}");
            assert_eq!(m.original_language, Some(original), "{lines:?}");
        }
    }

    #[test]
    fn job_letter_against_the_language() {
        let footer = || ["17-14567 (F) 290817 300817".to_string()];
        assert_eq!(job_letter_warning(footer(), Lang::Fr), None);
        assert_eq!(
            job_letter_warning(footer(), Lang::En).as_deref(),
            Some("the job number 17-14567 (F) names the fr version, but the text reads as en")
        );
        assert_eq!(
            job_letter_warning(["V.17-06020 (C)".to_string()], Lang::Zh),
            None
        );
        assert_eq!(job_letter_warning(["no job".to_string()], Lang::Zh), None);
    }

    #[test]
    fn job_number_from_footer() {
        assert_eq!(
            job_number(["2/8 V.17-06020".to_string(), "x".to_string()]).as_deref(),
            Some("V.17-06020")
        );
    }
}
