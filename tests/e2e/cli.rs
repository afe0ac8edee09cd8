//! Command-line behaviour: help, errors naming the file, exit codes.

use crate::helpers::{root, unpara};

#[test]
fn help_lists_the_subcommands() {
    let out = unpara(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("extract") && text.contains("align"));
    // Issue 13: the exit codes are documented in --help; the worker is not listed.
    for code in [
        "0 success",
        "1 error",
        "2 encrypted",
        "3 a limit",
        "64 bad usage",
    ] {
        assert!(text.contains(code), "{code}: {text}");
    }
    assert!(!text.contains("read-worker"));
    let batch = String::from_utf8_lossy(&unpara(&["batch", "--help"]).stdout).into_owned();
    assert!(
        batch.contains("--timeout") && batch.contains("--max-memory"),
        "{batch}"
    );
}

#[test]
fn not_a_pdf_is_an_error_naming_the_file() {
    let out = unpara(&["extract", "fixtures/CAC_COSP_WG.4_2017_4/gold.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "unpara: fixtures/CAC_COSP_WG.4_2017_4/gold.json: not a PDF, Word or XML document"
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

/// A scratch folder for one test, removed at the end.
fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("unpara-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_writes_its_target() {
    let d = scratch("link");
    let (target, link) = (d.join("real.txt"), d.join("link.txt"));
    std::fs::write(&target, "old").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = unpara(&[
        "text",
        "fixtures/CAC_COSP_WG.4_2017_4/en.pdf",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("United Nations\n"));
    // Nothing else is left in the folder (no temporary file).
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 2);
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn output_onto_a_folder_or_the_input_is_refused_and_leaves_nothing() {
    let d = scratch("refuse");
    let pdf = d.join("in.pdf");
    std::fs::copy(root().join("fixtures/CAC_COSP_WG.4_2017_4/en.pdf"), &pdf).unwrap();
    let out = unpara(&["text", pdf.to_str().unwrap(), "-o", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder, not a file"));
    let out = unpara(&[
        "extract",
        pdf.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the output would overwrite the input"));
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"),
        "the input is intact"
    );
    assert_eq!(
        std::fs::read_dir(&d).unwrap().count(),
        1,
        "no temporary file left"
    );
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn a_dash_reads_standard_input_and_writes_standard_output() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unpara"))
        .args(["text", "-", "-o", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("unpara runs");
    let pdf = std::fs::read(root().join("fixtures/CAC_COSP_WG.4_2017_4/en.pdf")).unwrap();
    child.stdin.take().unwrap().write_all(&pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("United Nations\nCAC/COSP/WG.4/2017/4\n")
    );
}

#[test]
fn align_usage_mistakes_exit_64_and_same_language_names_both_files() {
    let (zh, en) = (
        "fixtures/CAC_COSP_WG.4_2017_4/zh.docx",
        "fixtures/CAC_COSP_WG.4_2017_4/en.docx",
    );
    assert_eq!(
        unpara(&["align", zh, en, "--format", "moses"])
            .status
            .code(),
        Some(64)
    );
    assert_eq!(unpara(&["align", "-", "-"]).status.code(), Some(64));
    let out = unpara(&["align", "fixtures/CAC_COSP_WG.4_2017_4/en.pdf", en]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("unpara: fixtures/CAC_COSP_WG.4_2017_4/en.pdf, {en}: both documents are in en: a pair needs two languages (use --lang-a/--lang-b)")
    );
}

#[test]
fn long_documents_without_numbered_paragraphs_align_in_bounded_memory() {
    // 3 000 unnumbered paragraphs a side: the alignment programme keeps a band around
    // the diagonal (it took 29 s and 3.9 GB with the full table at 10 000).
    let d = scratch("long");
    let (zh, en) = (d.join("zh.xml"), d.join("en.xml"));
    let para = |f: &dyn Fn(usize) -> String| (0..3000).map(f).collect::<String>();
    std::fs::write(
        &zh,
        format!("<r>{}</r>", para(&|i| format!("<p>这是第{i}段。</p>"))),
    )
    .unwrap();
    std::fs::write(
        &en,
        format!(
            "<r>{}</r>",
            para(&|i| format!("<p>This is paragraph {i}.</p>"))
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = unpara(&[
        "align",
        zh.to_str().unwrap(),
        en.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3000);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    let _ = std::fs::remove_dir_all(d);
}
