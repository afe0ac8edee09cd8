//! Issue 14: the review page, checked in headless Chromium (Debian's `chromium`,
//! driven by `tests/consumers/node/review_check.js` with puppeteer-core): one row per
//! paragraph link, hovering a sentence highlights its partner, the flagged rows are
//! exactly the one-sided and low-score links, and a correction made by clicking comes
//! back through `unpara align --links`. The first screen is saved as
//! `target/review-screenshot.png`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::helpers::{root, skipped, unpara_ok};

const PDF_ZH: &str = "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf";
const PDF_EN: &str = "fixtures/CAC_COSP_WG.4_2017_4/en.pdf";

fn scratch(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("unpara-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).expect("scratch folder");
    p
}

/// Chromium and puppeteer-core are there; says why the test skips when not, or fails
/// under `UNPARA_REQUIRE_CONSUMERS` (`.ci/run` installs them).
fn browser() -> bool {
    let ok = Path::new("/usr/bin/chromium").exists()
        && root()
            .join("tests/consumers/node/node_modules/puppeteer-core")
            .is_dir();
    if !ok {
        let why = "chromium or puppeteer-core is missing (apt-get install chromium; npm ci --prefix tests/consumers/node)";
        assert!(
            std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none(),
            "{why}"
        );
        skipped(why);
    }
    ok
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_review_page_works_in_chromium_and_its_correction_comes_back_through_links() {
    if !browser() {
        return;
    }
    let dir = scratch("browser");
    let json = dir.join("pair.json");
    let page = dir.join("pair.html");
    let (j, p) = (json.to_string_lossy(), page.to_string_lossy());
    unpara_ok(&["align", PDF_ZH, PDF_EN, "-o", &j]);
    unpara_ok(&["review", &j, "-o", &p]);
    // `align --format html` writes the same page.
    let direct = unpara_ok(&["align", PDF_ZH, PDF_EN, "--format", "html"]);
    assert_eq!(direct, std::fs::read(&page).expect("page"));
    let al: Value = serde_json::from_slice(&std::fs::read(&json).expect("json")).expect("JSON");
    let links = al["paragraph_links"].as_array().expect("links");
    let threshold = al["summary"]["sentences"]["low_score_below"]
        .as_f64()
        .expect("threshold");
    let expected_flags: Vec<usize> = links
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            strings(&l["zh"]).is_empty()
                || strings(&l["en"]).is_empty()
                || l["score"].as_f64().unwrap_or(0.0) < threshold
        })
        .map(|(i, _)| i)
        .collect();
    // Paragraph 1 (block b3 of both sides) is the row corrected.
    let row = links
        .iter()
        .position(|l| strings(&l["zh"]) == ["b3"])
        .expect("the row of paragraph 1");
    let shot = root().join("target/review-screenshot.png");
    let exported = dir.join("corrected.xces");
    let out = Command::new("node")
        .arg(root().join("tests/consumers/node/review_check.js"))
        .arg(&page)
        .arg(&shot)
        .arg(&exported)
        .arg(row.to_string())
        .arg((row + 1).to_string())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).expect("review_check.js prints JSON");
    assert_eq!(seen["rows"], links.len());
    assert_eq!(seen["flagged"], serde_json::json!(expected_flags));
    assert!(
        !expected_flags.is_empty(),
        "the fixture pair has a low-score link"
    );
    assert_eq!(
        seen["focused_row"], expected_flags[0],
        "n goes to the first flagged row"
    );
    assert_eq!(seen["external_requests"], serde_json::json!([]));
    assert_eq!(seen["errors"], serde_json::json!([]));
    // Hovering a zh sentence highlights exactly the en sentences of its link.
    let probe = seen["probe"]["sid"].as_str().expect("a probed sentence");
    let link = al["sentence_links"]
        .as_array()
        .expect("sentence links")
        .iter()
        .find(|l| strings(&l["zh"]).iter().any(|s| s == probe))
        .expect("its link");
    let mut partners = strings(&seen["hover"]["highlighted_b"]);
    partners.sort();
    let mut want = strings(&link["en"]);
    want.sort();
    assert_eq!(partners, want);
    assert_eq!(seen["hover"]["all_same_link"], true);
    assert!(shot.exists(), "screenshot saved");
    // The correction: b3:0's link marked wrong → both sentences one-sided, all other
    // links as they were.
    assert_eq!(seen["corrected_sentence"], "b3:0");
    let e = exported.to_string_lossy();
    let again: Value =
        serde_json::from_slice(&unpara_ok(&["align", PDF_ZH, PDF_EN, "--links", &e]))
            .expect("JSON");
    let touches = |l: &Value| {
        strings(&l["zh"]).iter().any(|s| s == "b3:0")
            || strings(&l["en"]).iter().any(|s| s == "b3:0")
    };
    let changed: Vec<&Value> = again["sentence_links"]
        .as_array()
        .expect("links")
        .iter()
        .filter(|l| touches(l))
        .collect();
    assert_eq!(
        changed
            .iter()
            .map(|l| (strings(&l["zh"]), strings(&l["en"])))
            .collect::<Vec<_>>(),
        [
            (vec!["b3:0".to_string()], vec![]),
            (vec![], vec!["b3:0".to_string()])
        ]
    );
    let rest = |v: &Value| -> Vec<(Vec<String>, Vec<String>)> {
        v["sentence_links"]
            .as_array()
            .expect("links")
            .iter()
            .filter(|l| !touches(l))
            .map(|l| (strings(&l["zh"]), strings(&l["en"])))
            .collect()
    };
    assert_eq!(rest(&again), rest(&al));
    // Then joined by clicking: the link of the next row's first zh sentence and the
    // link after it become one.
    let joined = seen["joined_sentence"].as_str().expect("joined sentence");
    let list = again["sentence_links"].as_array().expect("links");
    let at = list
        .iter()
        .position(|l| strings(&l["zh"]).iter().any(|s| s == joined))
        .expect("its link");
    let (l, m) = (&list[at], &list[at + 1]);
    let want = (
        [strings(&l["zh"]), strings(&m["zh"])].concat(),
        [strings(&l["en"]), strings(&m["en"])].concat(),
    );
    let j = format!("{e}.join");
    let after: Value =
        serde_json::from_slice(&unpara_ok(&["align", PDF_ZH, PDF_EN, "--links", &j]))
            .expect("JSON");
    let got: Vec<(Vec<String>, Vec<String>)> = after["sentence_links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| (strings(&l["zh"]), strings(&l["en"])))
        .collect();
    assert!(got.contains(&want), "{want:?}");
    assert_eq!(got.len(), list.len() - 1);
    // The corrected pair re-exports as TMX without the wrong link.
    let tmx = String::from_utf8(unpara_ok(&[
        "align", PDF_ZH, PDF_EN, "--links", &e, "--format", "tmx",
    ]))
    .expect("UTF-8");
    assert_eq!(
        tmx.matches("<tu ").count(),
        al["sentence_links"].as_array().map_or(0, Vec::len) - 1
    );
    eprintln!(
        "review page: {} bytes for {} paragraph links; Chromium loaded it in {} ms",
        std::fs::metadata(&page).map_or(0, |m| m.len()),
        links.len(),
        seen["render_ms"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every text is escaped: a `<script>` in a document's text is shown, never run.
#[test]
fn document_text_is_escaped() {
    let dir = scratch("escape");
    for lang in ["zh", "en"] {
        let text = std::fs::read_to_string(root().join(format!("fixtures/unpc/{lang}.xml")))
            .expect("fixture");
        let text = text.replacen(
            "The General Assembly,",
            "The General Assembly &lt;script&gt;alert(1)&lt;/script&gt;,",
            1,
        );
        std::fs::write(dir.join(format!("{lang}.xml")), text).expect("written");
    }
    let (zh, en) = (dir.join("zh.xml"), dir.join("en.xml"));
    let page = String::from_utf8(unpara_ok(&[
        "align",
        &zh.to_string_lossy(),
        &en.to_string_lossy(),
        "--format",
        "html",
    ]))
    .expect("UTF-8");
    assert!(
        page.contains("The General Assembly &lt;script&gt;alert(1)&lt;&#x2f;script&gt;,"),
        "escaped text"
    );
    assert!(!page.contains("<script>alert"));
    // The embedded link data cannot close its script element either.
    assert_eq!(page.matches("</script>").count(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `batch --review`: one page per aligned group and an index with their figures.
#[test]
fn batch_writes_a_review_page_per_group_and_an_index() {
    let dir = scratch("batch");
    let out = dir.join("out");
    unpara_ok(&[
        "batch",
        "fixtures/unpc",
        "fixtures/CAC_COSP_WG.4_2017_4",
        "-o",
        &out.to_string_lossy(),
        "--review",
    ]);
    let index = std::fs::read_to_string(out.join("review/index.html")).expect("index");
    assert!(index.contains(r#"<a href="A_RES_73_3.html">"#), "{index}");
    assert!(
        index.contains(r#"<a href="CAC_COSP_WG.4_2017_4.html">"#),
        "{index}"
    );
    let page = std::fs::read_to_string(out.join("review/CAC_COSP_WG.4_2017_4.html")).expect("page");
    assert_eq!(page.matches("<section class=\"row").count(), 124);
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "self-contained"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
