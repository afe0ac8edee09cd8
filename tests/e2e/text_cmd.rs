//! `unpara text`: page text like pdftotext, `--json` lines, passwords, damaged files.

use serde_json::Value;

use crate::helpers::{corpus, unpara};

const EN: &str = "fixtures/CAC_COSP_WG.4_2017_4/en.pdf";

fn stdout(args: &[&str]) -> String {
    let out = unpara(args);
    assert!(
        out.status.success(),
        "unpara {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn pages_end_with_a_form_feed_and_keep_headers_and_footers() {
    let text = stdout(&["text", EN]);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // 11 pages, each followed by a form feed: 12 parts, the last one empty.
    assert_eq!(pages.len(), 12);
    assert_eq!(pages.last(), Some(&""));
    let first: Vec<&str> = pages[0].lines().collect();
    assert_eq!(
        &first[..3],
        [
            "United Nations",
            "CAC/COSP/WG.4/2017/4",
            "Conference of the States Parties to the United Nations Convention against"
        ]
    );
    assert!(first.contains(&"V.17-06020 (E) 290817 300817") && first.contains(&"*1706020*"));
    // Running header of page 2 and its folio.
    assert!(pages[1].lines().any(|l| l == "2/11 V.17-06020"));
    assert!(text.contains("1. In its resolution 3/2, the Conference of the States Parties"));
}

#[test]
fn json_gives_lines_with_boxes_and_sizes() {
    let json: Value = serde_json::from_str(&stdout(&["text", "--json", EN])).expect("JSON");
    let pages = json["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 11);
    assert_eq!(
        (pages[0]["width"].as_f64(), pages[0]["height"].as_f64()),
        (Some(595.3), Some(841.89))
    );
    let line = &pages[0]["lines"][0];
    assert_eq!(line["text"], "United Nations");
    assert_eq!(line["size"], 12.0);
    assert_eq!(line["rotation"], 0);
    assert_eq!(line["vertical"], false);
    let (x0, x1, y) = (
        line["x0"].as_f64().unwrap(),
        line["x1"].as_f64().unwrap(),
        line["baseline"].as_f64().unwrap(),
    );
    assert!(x0 > 50.0 && x0 < x1 && x1 < 200.0 && y > 750.0, "{line}");
    let font = line["spans"][0]["font"].as_u64().expect("font index") as usize;
    assert!(json["fonts"][font]["name"]
        .as_str()
        .is_some_and(|n| !n.is_empty()));
    assert_eq!(json["undecodable_glyphs"], 0);
}

#[test]
fn encrypted_files_open_with_user_or_owner_password_and_exit_2_without() {
    let Some(dir) = corpus("wild-pdf") else {
        return;
    };
    for name in ["pdfminer-aes-128", "pdfminer-rc4-40"] {
        let path = format!("{dir}/{name}.pdf");
        for (args, message) in [
            (vec!["text", &path], "encrypted: needs a password"),
            (
                vec!["text", &path, "--password", "wrong"],
                "encrypted: needs a password (the one given does not open it)",
            ),
        ] {
            let out = unpara(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr).trim(),
                format!("unpara: {path}: {message}")
            );
        }
        // User password baz; the owner password foo opens the file too.
        for pw in ["baz", "foo"] {
            assert_eq!(
                stdout(&["text", &path, "--password", pw]).trim_end_matches(['\n', '\u{c}']),
                "Secret!",
                "{name} {pw}"
            );
        }
    }
}

#[test]
fn damaged_deflate_data_is_read_and_reported() {
    let Some(p) = corpus("wild-pdf/pdfminer-zen_of_python_corrupted.pdf") else {
        return;
    };
    let out = unpara(&["text", &p]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Beautiful is better than ugly."));
    assert!(
        text.contains("Namespaces are one honking great idea -- let's do more of those!")
            || text.contains("Namespaces are one honking great idea −− let’s do more of those!"),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: page 1: stream 5 0 R: deflate data damaged"),
        "{err}"
    );
}

#[test]
fn a_truncated_file_yields_its_pages_and_a_warning() {
    let Some(p) = corpus("un-en/A_RES_73_3.pdf") else {
        return;
    };
    let bytes = std::fs::read(&p).expect("corpus file");
    let cut = std::env::temp_dir().join(format!("unpara-cut-{}.pdf", std::process::id()));
    // The first 60 %: the page contents survive, the fonts and the xref table do not.
    std::fs::write(&cut, &bytes[..bytes.len() * 6 / 10]).expect("temp file");
    let out = unpara(&["text", cut.to_str().expect("UTF-8 path")]);
    let _ = std::fs::remove_file(&cut);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches('\u{c}').count(), 10, "all 10 pages");
    assert!(text
        .contains("with a dedicated focus for the first time on the global tuberculosis epidemic"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "damaged file: cross-reference table unreadable, rebuilt by scanning for objects"
        ),
        "{err}"
    );
    assert!(
        err.contains("character codes with no Unicode mapping"),
        "lost fonts are reported: {err}"
    );
}
