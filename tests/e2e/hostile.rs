//! Issue 13: hostile inputs, generated at test time by `tests/hostile/make.py` (nothing
//! binary is committed). Each is run through `unpara extract` under
//! `tests/hostile/measure.py`, which reports the exit code, the wall time and the peak
//! resident memory as the OS counts it (getrusage of the child): every file gives its
//! exit code and a message naming it, in under 10 s and under 1 GiB. Then one batch
//! holding all of them and a good pair converts the pair and reports every hostile file.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::helpers::{root, skipped, unpara};

/// Wall time one hostile file may take, seconds.
const MAX_SECONDS: f64 = 10.0;
/// Peak resident memory one hostile file may take, KiB (1 GiB).
const MAX_RSS_KIB: u64 = 1024 * 1024;

/// The hostile files, made once per test run into a folder of their own.
fn hostile_dir(name: &str) -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("unpara-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let made = Command::new("python3")
        .arg(root().join("tests/hostile/make.py"))
        .arg(&dir)
        .arg(root().join("fixtures/CAC_COSP_WG.4_2017_4/en.pdf"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        skipped("python3 cannot run tests/hostile/make.py: the hostile suite is not run");
        assert!(std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none());
        return None;
    }
    Some(dir)
}

/// `unpara ARGS` under measure.py: (exit code, seconds, peak KiB, last stderr line).
fn measured(args: &[&str]) -> (Option<i64>, f64, u64, String) {
    let exe = env!("CARGO_BIN_EXE_unpara");
    let out = Command::new("python3")
        .arg(root().join("tests/hostile/measure.py"))
        .arg("60")
        .arg(exe)
        .args(args)
        .output()
        .expect("python3 runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("measure.py prints JSON");
    (
        v["code"].as_i64(),
        v["seconds"].as_f64().unwrap_or(f64::MAX),
        v["max_rss_kib"].as_u64().unwrap_or(u64::MAX),
        v["stderr"].as_str().unwrap_or_default().to_string(),
    )
}

/// What each hostile file must give: its exit code and, for errors, a piece of the
/// message; for files read with a warning, a piece of the warning in `diagnostics`.
fn expectations() -> Vec<(String, i64, &'static str)> {
    let mut v: Vec<(String, i64, &'static str)> = [
        ("zero-bytes.pdf", 1, "not a PDF, Word or XML document"),
        ("random-bytes.pdf", 1, "not a PDF, Word or XML document"),
        ("random-after-header.pdf", 1, "damaged PDF"),
        (
            "xref-outside-file.pdf",
            0,
            "cross-reference table unreadable, rebuilt",
        ),
        ("length-2e62.pdf", 0, "cross-reference offset was wrong"),
        ("flate-bomb-10g.pdf", 1, "stream 5 0 R: cannot be decoded"),
        (
            "flate-bomb-4g-single.pdf",
            1,
            "decodes to more than the limit of 67108864 bytes",
        ),
        // An object stream that is a bomb is unpacked only when an object the pages
        // need may be in it (crates/pdf/src/packed.rs).
        ("objstm-bomb.pdf", 0, ""),
        (
            "objstm-bomb-needed.pdf",
            1,
            "damaged PDF: couldn't decompress stream",
        ),
        ("self-reference.pdf", 1, "the document has no pages"),
        ("form-draws-itself.pdf", 0, "nested too deep or in a cycle"),
        ("deep-array-content.pdf", 1, "content stream damaged"),
        ("deep-array-object.pdf", 0, ""),
        (
            "tounicode-bomb.pdf",
            0,
            "/ToUnicode (8 0 R): decodes to more than the limit",
        ),
        (
            "fontfile2-bomb.pdf",
            0,
            "/FontFile2 (10 0 R): decodes to more than the limit",
        ),
        (
            "tounicode-1e7-bfrange.pdf",
            0,
            "/ToUnicode (8 0 R): decodes to more than the limit",
        ),
        ("billion-laughs.xml", 0, "entity &lol9; is not expanded"),
        ("external-entity.xml", 0, "nothing is fetched or expanded"),
        ("utf16-bom.xml", 0, ""),
        ("utf16be-bom.xml", 0, ""),
        ("numbering-ilvl-u32max.docx", 0, "deeper than level 8"),
        ("numbering-ilvl-1e6.docx", 0, "deeper than level 8"),
        ("numbering-start-2e9-letter.docx", 0, ""),
        ("numbering-start-u32max-roman.docx", 0, ""),
        ("zip-bomb.docx", 3, "inflates to more than 268435456 bytes"),
        ("zip-slip.docx", 0, ""),
    ]
    .into_iter()
    .map(|(name, code, says)| (name.to_string(), code, says))
    .collect();
    // The fixture PDF cut at every 5 % of its length: an error naming the damage.
    v.extend(
        (5..100)
            .step_by(5)
            .map(|pct| (format!("cut-{pct:02}pct.pdf"), 1, "damaged PDF")),
    );
    v
}

#[test]
fn every_hostile_file_ends_in_time_within_memory_with_its_exit_code() {
    let Some(dir) = hostile_dir("extract") else {
        return;
    };
    let mut worst = (String::new(), 0.0f64, 0u64);
    let mut failures = Vec::new();
    for (name, code, says) in expectations() {
        let path = dir.join(&name);
        let p = path.to_string_lossy().into_owned();
        assert!(path.exists(), "make.py wrote {name}");
        let (got, seconds, rss, stderr) = measured(&["extract", &p, "-o", &format!("{p}.json")]);
        if seconds > worst.1 {
            worst = (name.to_string(), seconds, worst.2);
        }
        worst.2 = worst.2.max(rss);
        if got != Some(code) || seconds > MAX_SECONDS || rss > MAX_RSS_KIB {
            failures.push(format!(
                "{name}: exit {got:?} (want {code}), {seconds} s, {rss} KiB: {stderr}"
            ));
            continue;
        }
        if code != 0 {
            if !stderr.contains(name.as_str()) || !stderr.contains(says) {
                failures.push(format!(
                    "{name}: message {stderr:?} lacks the file or {says:?}"
                ));
            }
        } else if !says.is_empty() {
            let doc: Value =
                serde_json::from_slice(&std::fs::read(format!("{p}.json")).expect("output"))
                    .expect("JSON");
            let warnings = doc["diagnostics"]["warnings"].to_string();
            if !warnings.contains(says) {
                failures.push(format!("{name}: warnings {warnings} lack {says:?}"));
            }
        }
    }
    // Zip-slip names are never written anywhere.
    assert!(!Path::new("/tmp/unpara-zip-slip.xml").exists());
    eprintln!(
        "hostile suite: slowest {} ({:.2} s); peak memory of any file {} MiB",
        worst.0,
        worst.1,
        worst.2 / 1024
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// UTF-16 XML is read as the UTF-8 it encodes: the same blocks.
#[test]
fn utf16_xml_reads_as_its_utf8() {
    let Some(dir) = hostile_dir("utf16") else {
        return;
    };
    for name in ["utf16-bom.xml", "utf16be-bom.xml"] {
        let out = unpara(&["extract", &dir.join(name).to_string_lossy()]);
        assert!(out.status.success(), "{name}");
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let texts: Vec<&str> = doc["blocks"]
            .as_array()
            .expect("blocks")
            .iter()
            .filter_map(|b| b["text"].as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Universal Declaration of Human Rights",
                "Preamble",
                "Whereas recognition of the inherent dignity is the foundation of freedom.",
                "Article 1",
                "All human beings are born free and equal in dignity and rights."
            ],
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// One batch holding every hostile file and a good pair: the pair is aligned, every
/// hostile file is in the run report (errors with their reason), exit code 1.
#[test]
fn a_batch_of_hostile_files_converts_every_other_file() {
    let Some(dir) = hostile_dir("batch") else {
        return;
    };
    let good = dir.join("good");
    std::fs::create_dir_all(&good).expect("folder");
    for lang in ["zh", "en"] {
        std::fs::copy(
            root().join(format!("fixtures/unpc/{lang}.xml")),
            good.join(format!("{lang}.xml")),
        )
        .expect("copied");
    }
    #[cfg(unix)]
    {
        // Two links to `..` in one folder: the walk neither loops nor explodes.
        std::os::unix::fs::symlink("..", good.join("up1")).expect("link");
        std::os::unix::fs::symlink("..", good.join("up2")).expect("link");
    }
    let out = dir.join("out");
    let (code, seconds, rss, stderr) = measured(&[
        "batch",
        &dir.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--timeout",
        "20",
    ]);
    let report: Value =
        serde_json::from_slice(&std::fs::read(out.join("run-report.json")).expect("report"))
            .expect("JSON");
    let files = report["files"].as_array().expect("files");
    let status = |tail: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(tail)))
            .map(|f| {
                (
                    f["status"].as_str().unwrap_or("").to_string(),
                    f["message"].to_string(),
                )
            })
            .unwrap_or_else(|| ("missing".into(), String::new()))
    };
    eprintln!("hostile batch: {seconds:.1} s, peak {} MiB", rss / 1024);
    assert_eq!(code, Some(1), "{stderr}");
    let groups = report["groups"].as_array().expect("groups");
    assert!(
        groups
            .iter()
            .any(|g| g["group"] == "A/RES/73/3" && g["status"] == "aligned"),
        "{groups:?}"
    );
    for (name, want, says) in expectations() {
        let (got, message) = status(&format!("/{name}"));
        let wanted = if want == 0 {
            ["ok", "warning"]
        } else {
            ["error", "error"]
        };
        assert!(wanted.contains(&got.as_str()), "{name}: {got} {message}");
        if want != 0 {
            assert!(message.contains(says), "{name}: {message}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `check` on a folder with two links to `..` ends, and an unreadable expected file
/// does not leave the others unchecked.
#[test]
fn check_survives_link_loops_and_an_unreadable_expected_file() {
    let dir = std::env::temp_dir().join(format!("unpara-hostile-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("folder");
    for f in ["zh.xml", "en.xml"] {
        std::fs::copy(root().join("fixtures/unpc").join(f), dir.join("a").join(f)).expect("copy");
    }
    let a = dir.join("a/zh.xml").to_string_lossy().into_owned();
    let run = unpara(&["extract", &a, "-o", &format!("{a}.expected.json")]);
    assert!(run.status.success());
    // `b/` sorts after `a/`; its expected file is not JSON.
    std::fs::create_dir_all(dir.join("b")).expect("folder");
    std::fs::copy(root().join("fixtures/unpc/en.xml"), dir.join("b/en.xml")).expect("copy");
    std::fs::write(dir.join("b/en.xml.expected.json"), "not JSON").expect("written");
    std::fs::create_dir_all(dir.join("c")).expect("folder");
    std::fs::copy(root().join("fixtures/unpc/en.xml"), dir.join("c/en.xml")).expect("copy");
    let c = dir.join("c/en.xml").to_string_lossy().into_owned();
    assert!(
        unpara(&["extract", &c, "-o", &format!("{c}.expected.json")])
            .status
            .success()
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.join("a/up1")).expect("link");
        std::os::unix::fs::symlink("..", dir.join("a/up2")).expect("link");
    }
    let run = unpara(&["check", &dir.to_string_lossy()]);
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stdout.contains("ok ") && stdout.contains("a/zh.xml.expected.json"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ERROR ") && stdout.contains("not JSON"),
        "{stdout}"
    );
    assert!(stdout.contains("c/en.xml.expected.json"), "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        2,
        "{stdout}"
    );
}

/// A fresh folder `in/` holding the UN Parallel Corpus pair and `extra` files, and the
/// path of its output folder `out/`.
fn batch_folder(name: &str, extra: &[(&str, &Path)]) -> (PathBuf, PathBuf, PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("unpara-batch-folder-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("folder");
    for lang in ["zh", "en"] {
        std::fs::copy(
            root().join(format!("fixtures/unpc/{lang}.xml")),
            input.join(format!("{lang}.xml")),
        )
        .expect("copied");
    }
    for (name, from) in extra {
        std::fs::copy(from, input.join(name)).expect("copied");
    }
    let out = dir.join("out");
    (dir, input, out)
}

fn report(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("run-report.json")).expect("report"))
        .expect("JSON")
}

fn file_status(report: &Value, tail: &str) -> (String, String) {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(tail)))
        .map(|f| {
            (
                f["status"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .unwrap_or_default()
}

/// A worker past `--max-memory` or `--timeout` makes its file an error with the reason;
/// the batch goes on and aligns the good pair.
#[test]
fn workers_past_their_memory_or_time_are_errors_and_the_batch_goes_on() {
    let Some(hostile) = hostile_dir("limits") else {
        return;
    };
    let bomb = hostile.join("flate-bomb-4g-single.pdf");
    let (dir, input, out) = batch_folder("limits", &[("bomb.pdf", &bomb)]);
    let run = unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--max-memory",
        "100M",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let r = report(&out);
    let (status, message) = file_status(&r, "/bomb.pdf");
    assert_eq!(status, "error");
    assert!(
        message.contains("more than the limit of 100 MiB (--max-memory)"),
        "{message}"
    );
    assert!(message.contains("memory allocation of"), "{message}");
    assert_eq!(r["groups"][0]["status"], "aligned", "{r}");
    // A wall-time limit no reading can meet: every read file is an error that says so.
    let slow = dir.join("out-slow");
    let run = unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &slow.to_string_lossy(),
        "--timeout",
        "0.000001",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let (status, message) = file_status(&report(&slow), "/bomb.pdf");
    assert_eq!(status, "error");
    assert!(
        message.contains("longer than the limit of 0.000001 s (--timeout)"),
        "{message}"
    );
    // Bad limits are usage errors.
    for bad in [
        ["--timeout", "0"],
        ["--max-memory", "1K"],
        ["--max-memory", "lots"],
    ] {
        let run = unpara(&[
            "batch",
            &input.to_string_lossy(),
            "-o",
            &slow.to_string_lossy(),
            bad[0],
            bad[1],
        ]);
        assert_eq!(run.status.code(), Some(64), "{bad:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&hostile);
}

/// The workers write their documents into temporary files (TMPDIR): with no folder
/// there to make them in, every file is an error row that names it and says so, and
/// the batch ends with exit 1 instead of hanging or aborting.
#[test]
fn workers_without_a_temporary_folder_make_error_rows() {
    let (dir, input, out) = batch_folder("no-tmp", &[]);
    let run = Command::new(env!("CARGO_BIN_EXE_unpara"))
        .args([
            "batch",
            &input.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
        ])
        .env("TMPDIR", dir.join("no such folder"))
        .output()
        .expect("unpara runs");
    assert_eq!(run.status.code(), Some(1));
    let r = report(&out);
    for lang in ["zh", "en"] {
        let (status, message) = file_status(&r, &format!("/{lang}.xml"));
        assert_eq!(status, "error");
        assert!(
            message.starts_with(&format!("{}", input.join(format!("{lang}.xml")).display()))
                && message.contains("cannot make a temporary file"),
            "{message}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A second batch into an output folder another holds is refused; symbolic links in
/// the output folder are replaced, never followed; a group that cannot be written is a
/// failure (exit 1, `group_errors`).
#[test]
fn output_folder_is_locked_links_are_not_followed_and_unwritable_groups_fail() {
    let (dir, input, out) = batch_folder("output", &[]);
    std::fs::create_dir_all(&out).expect("folder");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".unpara-lock"))
        .expect("lock file");
    lock.try_lock().expect("the test holds the lock");
    let run = unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .contains("another unpara batch is writing into this folder"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    drop(lock);
    #[cfg(unix)]
    {
        // Links to a file outside: the outside file is never written.
        let outside = dir.join("outside.txt");
        std::fs::write(&outside, "keep me").expect("written");
        std::os::unix::fs::symlink(&outside, out.join("run-report.json")).expect("link");
        std::os::unix::fs::symlink(&outside, out.join("A_RES_73_3.json")).expect("link");
        let elsewhere = dir.join("elsewhere");
        std::fs::create_dir_all(&elsewhere).expect("folder");
        std::os::unix::fs::symlink(&elsewhere, out.join(".sentences")).expect("link");
        let run = unpara(&[
            "batch",
            &input.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
        ]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(&outside).expect("outside"),
            "keep me"
        );
        assert_eq!(std::fs::read_dir(&elsewhere).expect("folder").count(), 0);
        for f in ["run-report.json", "A_RES_73_3.json", ".sentences"] {
            let m = std::fs::symlink_metadata(out.join(f)).expect("written");
            assert!(!m.file_type().is_symlink(), "{f}");
        }
    }
    // A group whose outputs cannot be written: `.sentences` is a file, not a folder.
    let stuck = dir.join("out-stuck");
    std::fs::create_dir_all(&stuck).expect("folder");
    std::fs::write(stuck.join(".sentences"), "in the way").expect("written");
    let run = unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &stuck.to_string_lossy(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let r = report(&stuck);
    assert_eq!(r["totals"]["group_errors"], 1, "{r}");
    assert_eq!(r["groups"][0]["status"], "error", "{r}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A batch stopped after reading keeps what it read: the documents are in
/// `OUTPUT/.documents/` by SHA-256 and are not read again (unless `--force`).
#[test]
fn documents_read_are_kept_for_the_next_run() {
    let (dir, input, out) = batch_folder("cache", &[]);
    let run = unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(run.status.success());
    let cached: Vec<PathBuf> = std::fs::read_dir(out.join(".documents"))
        .expect(".documents")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(cached.len(), 2, "{cached:?}");
    // A marked copy in the cache is what a run without --force uses (the state is
    // removed, so the run has to "read" the files again).
    let zh = report(&out)["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["language"] == "zh")
        .and_then(|f| f["sha256"].as_str().map(String::from))
        .expect("zh file");
    let file = out.join(".documents").join(format!("{zh}.json"));
    let text = std::fs::read_to_string(&file).expect("cached");
    std::fs::write(&file, text.replacen("大会", "大会（缓存）", 1)).expect("written");
    std::fs::remove_file(out.join(".unpara-state.json")).expect("state");
    let first_text = |out: &Path| -> String {
        let v: Value =
            serde_json::from_slice(&std::fs::read(out.join("A_RES_73_3.json")).expect("output"))
                .expect("JSON");
        v["documents"]["zh"]["blocks"][0]["text"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy()
    ])
    .status
    .success());
    assert!(first_text(&out).contains("（缓存）"));
    assert!(unpara(&[
        "batch",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--force"
    ])
    .status
    .success());
    assert!(!first_text(&out).contains("（缓存）"));
    let _ = std::fs::remove_dir_all(&dir);
}
