//! Command-line behaviour: help, errors naming the file, exit codes.

use crate::helpers::{root, unpara};

#[test]
fn help_lists_the_subcommands() {
    let out = unpara(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("extract") && text.contains("align"));
}

#[test]
fn not_a_pdf_is_an_error_naming_the_file() {
    let out = unpara(&["extract", "fixtures/CAC_COSP_WG.4_2017_4/gold.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "unpara: fixtures/CAC_COSP_WG.4_2017_4/gold.json: not a PDF (no %PDF- header)"
    );
}

#[test]
fn missing_file_is_an_error() {
    let out = unpara(&["extract", "no/such.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("unpara: no/such.pdf: cannot read"));
}

#[test]
fn output_file_is_written() {
    let dir = std::env::temp_dir().join(format!("unpara-e2e-{}", std::process::id()));
    let out_path = dir.join("en.json");
    let out = unpara(&[
        "extract",
        "fixtures/CAC_COSP_WG.4_2017_4/en.pdf",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(json["schema_version"], "1");
    assert_eq!(json["source"]["pages"], 11);
    let _ = std::fs::remove_dir_all(dir);
    assert!(root().join("fixtures").exists());
}

#[test]
fn encrypted_pdf_without_password_exits_2() {
    let Some(p) = crate::helpers::corpus("wild-pdf/pdfminer-rc4-40.pdf") else {
        return;
    };
    let out = unpara(&["extract", &p]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted: needs a password"));
}
