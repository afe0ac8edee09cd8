//! Issue 3, the PDF text layer on PDFs from other producers (`../shared/corpus/wild-pdf/`):
//! `unpara text` against poppler's `pdftotext` output kept beside each file.
//!
//! The measure is the Levenshtein similarity of the two texts with all whitespace
//! removed (1 − distance / longer length, in characters): at least 0.98. Where poppler's
//! reading order is wrong, a test below shows it with the page's own evidence, and the
//! texts must then agree as multisets of characters (same characters, any order) at
//! 0.98, after NFKC normalization (poppler writes vertical presentation forms such as
//! U+FE35 ︵ where the text has U+FF08 （).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::helpers::{corpus, no_space, unpara};

/// `unpara text` of a corpus file, with a password for the encrypted ones.
fn text(dir: &str, name: &str, password: Option<&str>) -> String {
    let path = format!("{dir}/{name}.pdf");
    let mut args = vec!["text", path.as_str()];
    if let Some(p) = password {
        args.extend(["--password", p]);
    }
    let out = unpara(&args);
    assert!(
        out.status.success(),
        "unpara text {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

fn reference(dir: &str, name: &str) -> String {
    std::fs::read_to_string(format!("{dir}/{name}.pdftotext.txt")).expect("reference text")
}

/// Levenshtein similarity of two texts, whitespace removed.
fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(&no_space(a), &no_space(b))
}

/// Similarity of two texts as multisets of characters (order ignored), NFKC-normalized,
/// whitespace removed: shared characters / characters of the larger text.
fn bag_similarity(a: &str, b: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<char, usize> = HashMap::new();
        for c in no_space(&s.nfkc().collect::<String>()).chars() {
            *m.entry(c).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let shared: usize = ca
        .iter()
        .map(|(c, n)| (*n).min(cb.get(c).copied().unwrap_or(0)))
        .sum();
    let total = ca
        .values()
        .sum::<usize>()
        .max(cb.values().sum::<usize>())
        .max(1);
    shared as f64 / total as f64
}

/// Files whose text matches poppler's in order.
const SAME_ORDER: &[(&str, Option<&str>)] = &[
    ("gen-cairo-cff-identityH", None),
    ("gen-cairo-ttf-identityH", None),
    ("gen-reportlab-UniGB-UCS2-H-noToUnicode", None),
    ("pdfminer-aes-128", Some("baz")),
    ("pdfminer-rc4-40", Some("baz")),
    ("pdfminer-issue-886-xref-stream-widths", None),
    ("pdfminer-sampleOneByteIdentityEncode", None),
    ("pdfminer-zen_of_python_corrupted", None),
    ("unstructured-embedded-cmap-cidfont", None),
];

/// Files where poppler's reading order is wrong (see the tests named after them).
const OTHER_ORDER: &[&str] = &[
    "pdfminer-issue-1008-inline-ascii85",
    "pdfminer-issue-1062-filters",
    "pdfminer-issue-449-vertical",
    "pdfminer-issue-598-cmap-other-fonts",
    "pdfminer-issue-625-identity-cmap",
    "pdfminer-jo",
    "pdfminer-kampo",
    "pdfminer-simple3",
    "unstructured-simplified_chinese",
];

#[test]
fn every_wild_pdf_is_listed() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".pdf").map(str::to_string))
        .collect();
    names.sort();
    let mut listed: Vec<String> = SAME_ORDER
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(OTHER_ORDER.iter().map(|n| n.to_string()))
        .collect();
    listed.sort();
    assert_eq!(names, listed, "a new wild PDF needs a place in this test");
}

#[test]
fn text_matches_pdftotext_at_98_percent() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let mut report = Vec::new();
    for (name, pw) in SAME_ORDER {
        let sim = similarity(&text(&dir, name, *pw), &reference(&dir, name));
        report.push(format!("{name}: {sim:.4}"));
        assert!(
            sim >= 0.98,
            "{name}: similarity {sim:.4} < 0.98\n{}",
            report.join("\n")
        );
    }
    for name in OTHER_ORDER {
        let ours = text(&dir, name, None);
        let theirs = reference(&dir, name);
        let (sim, bag) = (similarity(&ours, &theirs), bag_similarity(&ours, &theirs));
        report.push(format!("{name}: in order {sim:.4}, characters {bag:.4}"));
        assert!(
            bag >= 0.98,
            "{name}: character similarity {bag:.4} < 0.98\n{}",
            report.join("\n")
        );
    }
    eprintln!("{}", report.join("\n"));
}

/// Non-empty lines, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Index of the first line equal to `line`.
fn line_index(lines: &[String], line: &str) -> usize {
    lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in {lines:?}"))
}

#[test]
fn vertical_poem_is_read_column_by_column_where_poppler_mixes_columns() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let name = "pdfminer-jo";
    // Miyazawa Kenji, 「春と修羅」序 (1924): its opening lines in the poem's order, one
    // column each, right to left (the page sets them in vertical writing, Identity-V).
    let poem = [
        "序",
        "わたくしといふ現象は",
        "假定された有機交流電燈の",
        "ひとつの青い照明です",
        "（あらゆる透明な幽霊の複合体）",
        "風景やみんなといっしょに",
        "せはしくせはしく明滅しながら",
        "いかにもたしかにともりつづける",
        "因果交流電燈の",
        "ひとつの青い照明です",
        "（ひかりはたもち、その電燈は失はれ）",
    ];
    let ours = lines(&text(&dir, name, None));
    assert_eq!(
        ours.get(..poem.len()),
        Some(poem.map(String::from).as_slice())
    );
    // poppler jumps from the poem's 1st line to its 5th.
    let theirs = lines(&reference(&dir, name));
    assert_eq!(
        theirs.get(1..3),
        Some(
            ["わたくしといふ現象は", "風景やみんなといっしょに"]
                .map(String::from)
                .as_slice()
        )
    );
}

#[test]
fn gazette_columns_set_glyph_by_glyph_are_read_down_where_poppler_reads_across() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let name = "pdfminer-kampo";
    // The Official Gazette (官報) sets each character with its own `T*`, top to bottom:
    // the cabinet order's title is one column.
    let title = "道路交通法施行令の一部を改正する政令";
    let preamble =
        "内閣は、道路交通法の一部を改正する法律（平成十九年法律第九十号）の一部の施行に伴い";
    let ours = no_space(&text(&dir, name, None));
    assert!(ours.contains(title) && ours.contains(preamble));
    // poppler reads the characters across the columns: neither phrase survives, and
    // lines such as 四三お一に mix five columns.
    let theirs = reference(&dir, name);
    assert!(!no_space(&theirs).contains(title));
    assert!(!no_space(&theirs).contains("内閣は、道路交通法"));
    assert!(lines(&theirs).contains(&"四三お一に".to_string()));
}

#[test]
fn text_rotated_counterclockwise_reads_its_lines_left_to_right() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let name = "pdfminer-issue-449-vertical";
    // A text box turned 90° counterclockwise (text matrix [0 1 −1 0]): its first line is
    // the leftmost. The tagged content agrees: MCID 2 "Test", MCID 4 "Vertical", then
    // "Layout". poppler reads the lines right to left.
    assert_eq!(
        lines(&text(&dir, name, None)),
        ["Test", "Vertical", "Layout"]
    );
    assert_eq!(
        lines(&reference(&dir, name)),
        ["Layout", "Vertical", "Test"]
    );
}

#[test]
fn vertical_text_under_a_heading_follows_it() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let name = "pdfminer-simple3";
    // The content stream draws "Hello" twice, then a column of あいうえお starting below
    // them, then "World" twice lower down; poppler puts the column first.
    let expected = ["Hello", "Hello", "あいうえおあいうえお", "World", "World"];
    assert_eq!(lines(&text(&dir, name, None)), expected);
    assert_eq!(
        lines(&reference(&dir, name)).first().map(String::as_str),
        Some("あいうえおあいうえお")
    );
}

#[test]
fn two_character_names_stay_whole_where_poppler_interleaves_them() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    let name = "unstructured-simplified_chinese";
    // The advisers 班弨 and 郭熙 are printed side by side; poppler writes
    // 班 / 郭 / 弨 / … / 熙, so neither name is in its text.
    let ours = lines(&text(&dir, name, None));
    assert!(ours.contains(&"班弨 郭熙".to_string()), "{ours:?}");
    let theirs = no_space(&reference(&dir, name));
    assert!(!theirs.contains("班弨") && !theirs.contains("郭熙"));
}

#[test]
fn table_rows_stay_rows_where_poppler_separates_cells() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    // An invoice table: poppler writes the first item row before the column header
    // "Nazwa" (name) that is printed above it.
    let name = "pdfminer-issue-625-identity-cmap";
    let ours = lines(&text(&dir, name, None));
    let header = line_index(
        &ours,
        "Lp Nazwa Jedn Ilość Cena netto Stawka Wartość netto Wartość brutto",
    );
    let row = line_index(&ours, "1 Testy Książę szt. 1 33,00 23% 33,00 40,59");
    assert!(header < row);
    let theirs = lines(&reference(&dir, name));
    assert!(line_index(&theirs, "1 Testy Książę") < line_index(&theirs, "Nazwa"));

    // A fault-code table: each code printed beside its name. poppler writes the codes
    // as one column and the names as another, and puts 03-7FC15.02 among the names.
    let name = "pdfminer-issue-598-cmap-other-fonts";
    let ours = lines(&text(&dir, name, None));
    line_index(&ours, "03-7FB01.11 Calibration Error");
    line_index(&ours, "03-7FC15.02 TSC1 CAN Message Fault: initialization");
    let theirs = lines(&reference(&dir, name));
    let (code, error) = (
        line_index(&theirs, "03-7FB01.11"),
        line_index(&theirs, "Calibration Error"),
    );
    assert!(
        error > code + 5,
        "poppler keeps the code {code} and its name {error} apart"
    );
    assert_eq!(
        theirs.get(error - 1).map(String::as_str),
        Some("03-7FC15.02")
    );
}

#[test]
fn labels_stay_with_their_values_where_poppler_splits_them() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    // A letterhead: "Tel. +31 73-6456500" is one printed line; poppler writes the number
    // before its label (and "Telefax +31 73-6456510", printed the same way, in order).
    let name = "pdfminer-issue-1062-filters";
    line_index(&lines(&text(&dir, name, None)), "Tel. +31 73-6456500");
    let theirs = lines(&reference(&dir, name));
    assert_eq!(
        line_index(&theirs, "+31 73-6456500") + 1,
        line_index(&theirs, "Tel.")
    );

    // A map's scale bar "0 250 500 1 000": poppler puts the legend's title block
    // between its 0 and its 250.
    let name = "pdfminer-issue-1008-inline-ascii85";
    line_index(&lines(&text(&dir, name, None)), "0 250 500 1 000");
    let theirs = lines(&reference(&dir, name));
    let zero = line_index(&theirs, "0");
    assert!(zero < line_index(&theirs, "Schéma d'aménagement et de développement"));
    assert!(
        line_index(&theirs, "Schéma d'aménagement et de développement")
            < line_index(&theirs, "250")
    );
}
