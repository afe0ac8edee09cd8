//! Issue 6, `unpara batch`: a folder of documents → one JSON per document group,
//! `corpus.jsonl`, `run-report.json`; failures listed, never fatal; unchanged groups
//! skipped on a re-run; `--shard K/N` splits the groups.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::helpers::{root, unpara};

/// An input folder: the committed fixtures plus one broken PDF.
fn inputs(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unpara-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in/broken")).unwrap();
    for sub in ["CAC_COSP_WG.4_2017_4", "unpc"] {
        let to = dir.join("in").join(sub);
        std::fs::create_dir_all(&to).unwrap();
        for f in std::fs::read_dir(root().join("fixtures").join(sub)).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(dir.join("in/broken/cut.pdf"), b"%PDF-1.4\n1 0 obj\n<<").unwrap();
    dir
}

fn batch(dir: &Path, out: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let (i, o) = (dir.join("in"), dir.join(out));
    let mut args = vec![
        "batch",
        i.to_str().unwrap(),
        "-o",
        o.to_str().unwrap(),
        "--jobs",
        "2",
    ];
    args.extend(extra);
    let run = unpara(&args);
    let report = serde_json::from_str(
        &std::fs::read_to_string(o.join("run-report.json")).expect("run-report.json"),
    )
    .expect("report JSON");
    (run.status.code(), report)
}

fn statuses(report: &Value) -> Vec<(String, String)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"].as_str().unwrap();
            let short = p.rsplit_once("/in/").map_or(p, |(_, s)| s).to_string();
            (short, f["status"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn converts_groups_reports_every_file_and_skips_what_is_done() {
    let dir = inputs("main");
    let (code, report) = batch(&dir, "out", &[]);
    assert_eq!(code, Some(1), "one file could not be read");
    let files = statuses(&report);
    let expect = |path: &str, status: &str| {
        assert!(
            files.contains(&(path.to_string(), status.to_string())),
            "{path} {status}: {files:?}"
        )
    };
    expect("broken/cut.pdf", "error");
    expect("unpc/links.xml", "skipped");
    // The PDFs are the DOCX pair's document in another format: other bytes, so not
    // duplicates; each is extracted on its own beside the group's output.
    let version = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .ends_with("CAC_COSP_WG.4_2017_4/zh.pdf")
        })
        .unwrap();
    assert_ne!(version["status"], "duplicate");
    assert!(version["message"]
        .as_str()
        .unwrap()
        .starts_with("another version of group CAC/COSP/WG.4/2017/4"));
    assert!(dir.join("out/CAC_COSP_WG.4_2017_4.zh.pdf.json").exists());
    let error = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["status"] == "error")
        .unwrap();
    assert!(error["message"].as_str().unwrap().contains("cut.pdf"));
    let groups: Vec<(&str, &str)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["group"].as_str().unwrap(), g["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        groups,
        [
            ("A/RES/73/3", "aligned"),
            ("CAC/COSP/WG.4/2017/4", "aligned")
        ]
    );
    let cac: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("out/CAC_COSP_WG.4_2017_4.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(cac["summary"]["links"], 124);
    let corpus = std::fs::read_to_string(dir.join("out/corpus.jsonl")).unwrap();
    let cac_links = corpus
        .lines()
        .filter(|l| l.contains("\"CAC/COSP/WG.4/2017/4\""))
        .count();
    assert_eq!(cac_links, cac["sentence_links"].as_array().unwrap().len());
    // A re-run redoes nothing that has not changed; --force redoes it.
    let (_, again) = batch(&dir, "out", &[]);
    assert_eq!(again["totals"]["skipped"], 2);
    assert_eq!(again["totals"]["aligned"], 0);
    let (_, forced) = batch(&dir, "out", &["--force"]);
    assert_eq!(forced["totals"]["aligned"], 2);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn shards_split_the_groups() {
    let dir = inputs("shard");
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for k in 0..2 {
        let shard = format!("{k}/2");
        let (_, report) = batch(&dir, &format!("out{k}"), &["--shard", &shard]);
        assert_eq!(report["shard"], shard);
        for g in report["groups"].as_array().unwrap() {
            seen.insert(g["group"].as_str().unwrap().to_string());
            total += 1;
        }
    }
    assert_eq!(total, 2, "each group in exactly one shard");
    assert_eq!(seen.len(), 2);
    let bad = unpara(&[
        "batch",
        dir.join("in").to_str().unwrap(),
        "-o",
        "/tmp/x",
        "--shard",
        "2/2",
    ]);
    assert_eq!(bad.status.code(), Some(64));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn check_passes_on_the_fixtures_and_shows_a_change_block_by_block() {
    let out = unpara(&["check", "fixtures"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("ok fixtures/unpc/zh.xml+en.xml.expected.json"));
    // An approved output that differs in one block's text.
    let dir = std::env::temp_dir().join(format!("unpara-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["zh.xml", "en.xml", "zh.xml+en.xml.expected.json"] {
        std::fs::copy(root().join("fixtures/unpc").join(f), dir.join(f)).unwrap();
    }
    let expected = dir.join("zh.xml+en.xml.expected.json");
    let text = std::fs::read_to_string(&expected)
        .unwrap()
        .replace("The General Assembly,", "The Assembly,");
    std::fs::write(&expected, text).unwrap();
    let out = unpara(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains(r#"documents.en.blocks[b0].text: The Assembly, → The General Assembly,"#),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sqlite_feed_has_the_rows_and_reruns_update_them() {
    let dir = inputs("sqlite");
    let db = dir.join("out/corpus.db");
    let counts = || {
        let conn = rusqlite::Connection::open(&db).expect("database");
        let n = |t: &str| {
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap()
        };
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        (
            [
                n("documents"),
                n("blocks"),
                n("footnotes"),
                n("paragraph_links"),
                n("sentence_links"),
            ],
            broken,
        )
    };
    batch(&dir, "out", &["--sqlite", db.to_str().unwrap()]);
    // CAC (zh and en: 124 blocks, 2 footnotes, 124 paragraph and 240 sentence links each
    // pair) and the UNPC pair (4 blocks a side, 4 paragraph and 6 sentence links).
    let expected = [4, 124 + 124 + 4 + 4, 4, 124 + 4, 240 + 6];
    assert_eq!(counts(), (expected, 0));
    batch(&dir, "out", &["--sqlite", db.to_str().unwrap(), "--force"]);
    assert_eq!(
        counts(),
        (expected, 0),
        "a re-run replaces, never duplicates"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (symbol, job): (String, String) = conn
        .query_row("SELECT symbol, job_number FROM documents WHERE language = 'en' AND grp = 'CAC/COSP/WG.4/2017/4'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (symbol.as_str(), job.as_str()),
        ("CAC/COSP/WG.4/2017/4", "V.17-06020")
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A UNPC-style document of `sentences` sentences in one paragraph.
fn unpc(symbol: &str, lang: &str, sentences: usize) -> String {
    let s: String = (1..=sentences)
        .map(|i| {
            let text = if lang == "zh" {
                format!("这是第{i}个句子。")
            } else {
                format!("This is sentence {i}.")
            };
            format!("<s id=\"1:{i}\" lang=\"{lang}\">{text}</s>")
        })
        .collect();
    format!("<TEI.2><teiHeader><idno type=\"symbol\">{symbol}</idno></teiHeader><text><body><p id=\"1\">{s}</p></body></text></TEI.2>")
}

#[test]
fn a_killed_batch_resumes_without_redoing_finished_groups() {
    let dir = std::env::temp_dir().join(format!("unpara-batch-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let groups = 16;
    for g in 0..groups {
        let d = dir.join("in").join(format!("g{g}"));
        std::fs::create_dir_all(&d).unwrap();
        for lang in ["zh", "en"] {
            std::fs::write(
                d.join(format!("{lang}.xml")),
                unpc(&format!("A/TEST/{g}"), lang, 200),
            )
            .unwrap();
        }
    }
    let out = dir.join("out");
    let args = [
        "batch",
        dir.join("in").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--jobs",
        "1",
    ]
    .map(String::from);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unpara"))
        .args(&args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a few groups are recorded as done.
    let state = out.join(".unpara-state.json");
    let done = |s: &Path| {
        std::fs::read_to_string(s)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| v["groups"].as_object().map(|g| g.len()))
            .unwrap_or(0)
    };
    let started = std::time::Instant::now();
    while done(&state) < 3 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    let finished = done(&state);
    assert!(finished >= 3, "groups done before the kill: {finished}");
    // No half-written output: every JSON in the folder parses.
    for e in std::fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            serde_json::from_str::<Value>(&std::fs::read_to_string(&p).unwrap())
                .expect("complete JSON");
        }
    }
    let rerun = unpara(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run-report.json")).unwrap())
            .unwrap();
    let (skipped, aligned) = (
        report["totals"]["skipped"].as_u64().unwrap(),
        report["totals"]["aligned"].as_u64().unwrap(),
    );
    assert!(
        skipped as usize >= finished,
        "finished groups are not redone: {skipped} skipped, {finished} done before"
    );
    assert_eq!(
        skipped + aligned,
        groups as u64,
        "the re-run completes every group"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 12: symbolic links that loop do not make the walk hang or read a file twice;
/// documents that print no symbol pair by folder and stem (the UDHR XML pair, a
/// `X-ZH.xml`/`X-EN.xml` copy of it); two folders holding different `zh.xml`/`en.xml`
/// pairs are two groups; a second, different version in a group is an error, not a
/// silent duplicate; identical bytes are a duplicate.
#[test]
fn walk_survives_link_loops_and_pairs_by_folder_and_stem() {
    let Some(udhr) = crate::helpers::corpus("udhr-xml") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("unpara-batch-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let read = |lang: &str| std::fs::read_to_string(format!("{udhr}/{lang}.xml")).unwrap();
    let put = |rel: &str, text: &str| {
        let p = dir.join("in").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    put("one/zh.xml", &read("zh"));
    put("one/en.xml", &read("en"));
    // A different pair under the same names in another folder.
    put(
        "two/zh.xml",
        &read("zh").replacen("世界人权宣言", "世界人权宣言（副本）", 1),
    );
    put(
        "two/en.xml",
        &read("en").replacen("Universal Declaration", "Universal  Declaration", 1),
    );
    put("three/udhr-ZH.xml", &read("zh"));
    put("three/udhr-EN.xml", &read("en"));
    // A second English version of group `three`, with other bytes: extracted on its
    // own; and the same bytes as `one/en.xml` as `one/EN.xml`: a duplicate.
    put(
        "three/udhr.en.xml",
        &read("en").replacen("Preamble", "Preamble ", 1),
    );
    put("one/EN.xml", &read("en"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.join("in/one/up")).unwrap();
        std::os::unix::fs::symlink(".", dir.join("in/two/self")).unwrap();
    }
    let (code, report) = batch(&dir, "out", &[]);
    let files = statuses(&report);
    let own = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .ends_with(".udhr.en.xml.json")
        });
    // corpus.jsonl names each link's group as the run report does.
    let mut jsonl_groups: Vec<String> = std::fs::read_to_string(dir.join("out/corpus.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["group"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    jsonl_groups.dedup();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(own, "the other version's own output");
    // Every file once, whatever the links make reachable.
    assert_eq!(files.len(), 8, "{files:?}");
    let status = |tail: &str| {
        files
            .iter()
            .find(|(p, _)| p.ends_with(tail))
            .map(|(_, s)| s.as_str())
            .unwrap_or("missing")
    };
    let groups: Vec<(String, String)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap().to_string(),
                g["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let aligned = groups.iter().filter(|(_, s)| s == "aligned").count();
    assert_eq!(aligned, 3, "{groups:?}");
    assert!(
        groups.iter().any(|(g, _)| g.ends_with("in/one")),
        "{groups:?}"
    );
    assert!(
        groups.iter().any(|(g, _)| g.ends_with("in/two")),
        "{groups:?}"
    );
    assert!(
        groups.iter().any(|(g, _)| g.ends_with("in/three/udhr")),
        "{groups:?}"
    );
    let mut aligned_groups: Vec<String> = groups
        .iter()
        .filter(|(_, s)| s == "aligned")
        .map(|(g, _)| g.clone())
        .collect();
    aligned_groups.sort();
    jsonl_groups.sort();
    assert_eq!(jsonl_groups, aligned_groups);
    assert_eq!(status("three/udhr.en.xml"), "ok");
    // One of the two identical files is converted, the other is its duplicate.
    let mut twins = [status("one/en.xml"), status("one/EN.xml")];
    twins.sort_unstable();
    assert_eq!(twins, ["duplicate", "ok"]);
    assert_eq!(code, Some(0));
}

/// A symbolic link to nothing among the inputs (a file moved away) is an error row
/// naming it; the walk goes on and the pair beside it is aligned. A link to nothing
/// with another extension is left out, as other files are.
#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_an_error_row_and_the_rest_converts() {
    let dir = std::env::temp_dir().join(format!("unpara-batch-dangling-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in/pair")).unwrap();
    for name in ["zh.pdf", "en.pdf"] {
        std::fs::copy(
            root().join("fixtures/CAC_COSP_WG.4_2017_4").join(name),
            dir.join("in/pair").join(name),
        )
        .unwrap();
    }
    std::os::unix::fs::symlink(dir.join("moved.pdf"), dir.join("in/pair/fr.pdf")).unwrap();
    std::os::unix::fs::symlink(dir.join("moved.txt"), dir.join("in/notes.txt")).unwrap();
    let (code, report) = batch(&dir, "out", &[]);
    let _ = std::fs::remove_dir_all(&dir);
    let files = statuses(&report);
    assert_eq!(files.len(), 3, "{files:?}");
    let gone = dir.join("in/pair/fr.pdf").display().to_string();
    assert_eq!(
        files
            .iter()
            .find(|(p, _)| p == "pair/fr.pdf")
            .map(|(_, s)| s.as_str()),
        Some("error")
    );
    let message = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == gone.as_str())
        .and_then(|f| f["message"].as_str())
        .unwrap()
        .to_string();
    assert_eq!(
        message,
        format!("{gone}: cannot read: No such file or directory (os error 2)")
    );
    assert_eq!(report["groups"][0]["status"], "aligned", "{report}");
    assert_eq!(code, Some(1), "a file could not be read");
}

/// Issue 12: an expected file made as README says (`unpara extract X -o
/// X.expected.json`, which records the input's path) passes `check` from anywhere.
#[test]
fn an_expected_file_made_with_extract_passes_check() {
    let dir = std::env::temp_dir().join(format!("unpara-check-made-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("fixtures/unpc/zh.xml"), dir.join("zh.xml")).unwrap();
    let input = dir.join("zh.xml");
    let expected = dir.join("zh.xml.expected.json");
    let made = unpara(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        expected.to_str().unwrap(),
    ]);
    assert!(made.status.success());
    assert!(std::fs::read_to_string(&expected)
        .unwrap()
        .contains(input.to_str().unwrap()));
    let out = unpara(&["check", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Issue 12: the database holds groups of one language too, and the three queries of
/// README run in the `sqlite3` shell on their indexes.
#[test]
fn sqlite_holds_single_language_documents_and_answers_the_readme_queries() {
    let has_shell = std::process::Command::new("sqlite3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_shell {
        let why = "the sqlite3 shell is not installed (apt-get install sqlite3)";
        assert!(
            std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none(),
            "{why}"
        );
        crate::helpers::skipped(why);
        return;
    }
    let dir = inputs("sqlite-shell");
    // A Chinese document with no English version.
    let zh = std::fs::read_to_string(root().join("fixtures/unpc/zh.xml"))
        .unwrap()
        .replace("A/RES/73/3", "A/RES/73/99");
    std::fs::create_dir_all(dir.join("in/only")).unwrap();
    std::fs::write(dir.join("in/only/zh.xml"), zh).unwrap();
    let db = dir.join("out/corpus.db");
    batch(&dir, "out", &["--sqlite", db.to_str().unwrap()]);
    let shell = |sql: &str| {
        let out = std::process::Command::new("sqlite3")
            .arg(&db)
            .arg(sql)
            .output()
            .expect("sqlite3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let lacking = shell(
        "SELECT grp, group_concat(language) FROM documents GROUP BY grp HAVING count(*) = 1;",
    );
    assert_eq!(lacking, "A/RES/73/99|zh\n");
    let links = shell(
        "SELECT s.zh_text, s.en_text, s.score FROM sentence_links s \
         JOIN documents d ON d.id = s.zh_document WHERE d.symbol = 'A/RES/73/3' ORDER BY s.position;",
    );
    assert_eq!(links.lines().count(), 6);
    assert!(
        links.starts_with("大会，|The General Assembly,|"),
        "{links}"
    );
    let notes = "SELECT f.marker, f.text FROM footnotes f JOIN documents d ON d.id = f.document_id \
                 WHERE d.symbol = 'CAC/COSP/WG.4/2017/4' AND d.language = 'en' AND f.block_id = 'b31';";
    let found = shell(notes);
    assert_eq!(found.lines().count(), 2, "{found}");
    assert!(found.starts_with("1|"), "{found}");
    let plan = shell(&format!("EXPLAIN QUERY PLAN {notes}"));
    assert!(
        plan.contains("documents_by_symbol") && plan.contains("footnotes_by_block"),
        "{plan}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 12: `batch --format jsonl,tsv,tmx,moses` writes corpus-wide files holding every
/// aligned group's links (the TMX one valid for translate-toolkit: see
/// `consumers.rs`), and a re-run asking for a format whose pieces are missing redoes the
/// groups that lack them.
#[test]
fn batch_writes_corpus_wide_bitexts() {
    let dir = inputs("formats");
    let (code, _) = batch(&dir, "out", &["--format", "jsonl,tsv,tmx,moses"]);
    assert_eq!(code, Some(1), "the broken PDF");
    let out = dir.join("out");
    let lines = |f: &str| {
        std::fs::read_to_string(out.join(f))
            .unwrap()
            .lines()
            .count()
    };
    // CAC: 240 sentence links, UNPC: 6, all two-sided.
    assert_eq!(lines("corpus.jsonl"), 246);
    assert_eq!(lines("corpus.tsv"), 246);
    assert_eq!((lines("corpus.zh"), lines("corpus.en")), (246, 246));
    let tmx = std::fs::read_to_string(out.join("corpus.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 246);
    assert!(tmx.contains(r#"srclang="*all*""#) && tmx.trim_end().ends_with("</tmx>"));
    // A re-run that now asks for TSV only finds its pieces and redoes nothing.
    let (_, report) = batch(&dir, "out", &["--format", "tsv"]);
    assert_eq!(report["totals"]["aligned"], 0);
    for e in std::fs::read_dir(out.join(".sentences")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "tsv") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let (_, report) = batch(&dir, "out", &["--format", "tsv"]);
    assert_eq!(report["totals"]["aligned"], 2);
    assert_eq!(lines("corpus.tsv"), 246);
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 12: a paragraph deleted from an input reads in `check` as that block removed
/// and the links that held it changed, not as every later block changed (blocks are
/// matched by content, later ids read as the approved ones).
#[test]
fn check_reports_a_deleted_block_as_one_change() {
    let dir = std::env::temp_dir().join(format!("unpara-check-del-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["zh.xml", "zh.xml+en.xml.expected.json"] {
        std::fs::copy(root().join("fixtures/unpc").join(f), dir.join(f)).unwrap();
    }
    let en = std::fs::read_to_string(root().join("fixtures/unpc/en.xml")).unwrap();
    let without: String = en
        .lines()
        .filter(|l| !l.starts_with(r#"<p id="2">"#))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(without.len() < en.len());
    std::fs::write(dir.join("en.xml"), without).unwrap();
    let out = unpara(&["check", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = report.lines().skip(1).map(str::trim).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("documents.en.blocks[b1]: removed")),
        "{report}"
    );
    // Block b2 of the approved output is today's b1: the same block, no change to it.
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("documents.en.blocks[b2]")),
        "{report}"
    );
    assert!(
        lines.contains(&"paragraph_links[1].en[0]: removed (b1)"),
        "{report}"
    );
    assert!(
        lines.contains(&"sentence_links[1].en[0]: removed (b1:0)"),
        "{report}"
    );
    // No link other than the one that held the block changes its sides.
    let sides = lines
        .iter()
        .filter(|l| l.contains("_links[") && (l.contains("].en") || l.contains("].zh")))
        .count();
    assert_eq!(sides, 2, "{report}");
}

/// Issue 12: shard databases merge (document keys are the same on every machine) with
/// README's SQL in the `sqlite3` shell, into what one run writes; a re-run that adds
/// `--sqlite` to unchanged inputs fills the database.
#[test]
fn shard_databases_merge_and_a_late_sqlite_is_filled() {
    let has_shell = std::process::Command::new("sqlite3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_shell {
        let why = "the sqlite3 shell is not installed (apt-get install sqlite3)";
        assert!(
            std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none(),
            "{why}"
        );
        crate::helpers::skipped(why);
        return;
    }
    let dir = inputs("merge");
    let db = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let shell = |file: &str, sql: &str| {
        let out = std::process::Command::new("sqlite3")
            .arg(file)
            .arg(sql)
            .output()
            .expect("sqlite3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let counts = |file: &str| {
        shell(
            file,
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM blocks), \
             (SELECT count(*) FROM footnotes), (SELECT count(*) FROM paragraph_links), \
             (SELECT count(*) FROM sentence_links);",
        )
    };
    batch(&dir, "one", &["--sqlite", &db("one.db")]);
    batch(&dir, "s0", &["--shard", "0/2", "--sqlite", &db("s0.db")]);
    batch(&dir, "s1", &["--shard", "1/2", "--sqlite", &db("s1.db")]);
    std::fs::copy(db("s0.db"), db("merged.db")).unwrap();
    let merge = format!(
        "ATTACH '{}' AS shard; \
         INSERT OR REPLACE INTO documents SELECT * FROM shard.documents; \
         INSERT OR REPLACE INTO blocks SELECT * FROM shard.blocks; \
         INSERT OR REPLACE INTO footnotes SELECT * FROM shard.footnotes; \
         INSERT OR REPLACE INTO paragraph_links SELECT * FROM shard.paragraph_links; \
         INSERT OR REPLACE INTO sentence_links SELECT * FROM shard.sentence_links; \
         DETACH shard;",
        db("s1.db")
    );
    shell(&db("merged.db"), &merge);
    let whole = counts(&db("one.db"));
    assert_eq!(counts(&db("merged.db")), whole);
    assert_ne!(counts(&db("s0.db")), whole, "each shard holds part of it");
    // The same document has the same key whichever run wrote it.
    let keys = |file: &str| shell(file, "SELECT id, grp, language FROM documents ORDER BY id;");
    assert_eq!(keys(&db("merged.db")), keys(&db("one.db")));
    // Unchanged inputs, and now a database: it is filled, not left empty.
    batch(&dir, "late", &[]);
    let (_, report) = batch(&dir, "late", &["--sqlite", &db("late.db")]);
    assert_eq!(counts(&db("late.db")), whole);
    assert!(report["totals"]["aligned"].as_u64().unwrap_or(0) > 0);
    let _ = std::fs::remove_dir_all(dir);
}
