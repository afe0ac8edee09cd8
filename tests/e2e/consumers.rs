//! Issue 12: every bitext output read by the consumer its users open it with, run as a
//! Python script of `tests/consumers/`: XCES by OPUS's reader (opustools), TMX validated
//! against the TMX 1.4b structure (lxml) and read by translate-toolkit, TSV by pandas
//! (`read_csv` without quoting, as OpusFilter users load it), JSON Lines by
//! Hugging Face `datasets` over several files. A consumer that is not installed skips
//! the test visibly; with `UNPARA_REQUIRE_CONSUMERS=1` (`.ci/run` sets it, after
//! installing them) it fails instead.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::helpers::{corpus, root, skipped, unpara, unpara_json, unpara_ok};

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let p =
            std::env::temp_dir().join(format!("unpara-consumers-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("scratch folder");
        Scratch(p)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether Python can import every module; says why the test skips when not, or fails
/// when `UNPARA_REQUIRE_CONSUMERS` is set.
fn consumers(modules: &[&str]) -> bool {
    let code = modules
        .iter()
        .map(|m| format!("import {m}"))
        .collect::<Vec<_>>()
        .join("; ");
    let ok = Command::new("python3")
        .args(["-c", &code])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let why = format!(
            "python3 cannot import {modules:?} (pip install opustools translate-toolkit lxml datasets)"
        );
        assert!(
            std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none(),
            "{why}"
        );
        skipped(&why);
    }
    ok
}

/// Runs `tests/consumers/SCRIPT` with `args`; its standard output, or a failure with
/// its standard error.
fn script(name: &str, args: &[&str]) -> String {
    let path = root().join("tests/consumers").join(name);
    let out = Command::new("python3")
        .arg(&path)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn write(path: &str, text: &str) {
    std::fs::write(path, text).expect("written");
}

const UNPC_ZH: &str = "fixtures/unpc/zh.xml";
const UNPC_EN: &str = "fixtures/unpc/en.xml";
const PDF_ZH: &str = "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf";
const PDF_EN: &str = "fixtures/CAC_COSP_WG.4_2017_4/en.pdf";

#[test]
fn xces_is_read_end_to_end_by_opus_tools() {
    if !consumers(&["opustools"]) {
        return;
    }
    let dir = Scratch::new("xces");
    // UN Parallel Corpus input: its own sentence ids (`3:2`) in links and documents.
    let out = dir.path("unpc.xces");
    unpara_ok(&["align", UNPC_ZH, UNPC_EN, "--format", "xces", "-o", &out]);
    let xces = std::fs::read_to_string(&out).expect("alignment");
    assert!(
        xces.contains(r#"fromDoc="unpc.zh.xml" toDoc="unpc.en.xml""#),
        "{xces}"
    );
    assert!(xces.contains(r#"xtargets="3:2;3:2 3:3""#), "{xces}");
    let pairs = json_lines(&script("xces_opus.py", &[&out, "zh", "en"]));
    assert_eq!(pairs.len(), 6);
    assert_eq!(pairs[0]["src"][0], "大会，");
    assert_eq!(pairs[0]["trg"][0], "The General Assembly,");
    assert_eq!(
        pairs[3]["trg"],
        serde_json::json!([
            "It notes the progress made since 2017.",
            "It encourages Member States to share data."
        ])
    );
    assert_eq!(
        pairs[3]["src"][0],
        "注意到自2017年以来取得的进展，鼓励会员国分享数据。"
    );
    // The same, gzip-compressed as OPUS ships its sentence documents: same pairs.
    let gz = dir.path("unpc-gz.xces");
    unpara_ok(&[
        "align", UNPC_ZH, UNPC_EN, "--format", "xces", "--gzip", "-o", &gz,
    ]);
    let xces = std::fs::read_to_string(&gz).expect("alignment");
    assert!(
        xces.contains(r#"fromDoc="unpc-gz.zh.xml.gz" toDoc="unpc-gz.en.xml.gz""#),
        "{xces}"
    );
    let bytes = std::fs::read(dir.path("unpc-gz.zh.xml.gz")).expect("sentence document");
    assert_eq!(bytes.get(..2), Some(&[0x1f, 0x8b][..]), "gzip magic");
    assert_eq!(
        json_lines(&script("xces_opus.py", &[&gz, "zh", "en"])),
        pairs
    );
    // --gzip compresses XCES sentence documents only; filters are for the bitexts.
    let bad = unpara(&["align", UNPC_ZH, UNPC_EN, "--format", "tsv", "--gzip"]);
    assert_eq!(bad.status.code(), Some(64));
    let bad = unpara(&["align", UNPC_ZH, UNPC_EN, "--min-score", "0.5"]);
    assert_eq!(bad.status.code(), Some(64));
    let bad = unpara(&[
        "align",
        UNPC_ZH,
        UNPC_EN,
        "--format",
        "xces",
        "--one-to-one",
        "-o",
        &gz,
    ]);
    assert_eq!(bad.status.code(), Some(64));
    // A PDF pair: our ids; every link OPUS prints is one of ours, texts and all.
    let out = dir.path("cac.xml");
    unpara_ok(&["align", PDF_ZH, PDF_EN, "--format", "xces", "-o", &out]);
    let pairs = json_lines(&script("xces_opus.py", &[&out, "zh", "en"]));
    let jsonl = String::from_utf8(unpara(&["align", PDF_ZH, PDF_EN, "--format", "jsonl"]).stdout)
        .expect("UTF-8");
    let links = json_lines(&jsonl);
    assert_eq!(pairs.len(), links.len());
    // A batch's corpus-wide alignment: one link group per pair, read end to end too.
    let corpus = dir.path("batch");
    unpara_ok(&[
        "batch",
        "fixtures/unpc",
        "fixtures/CAC_COSP_WG.4_2017_4",
        "-o",
        &corpus,
        "--format",
        "xces",
    ]);
    let all = json_lines(&script(
        "xces_opus.py",
        &[&format!("{corpus}/corpus.xces"), "zh", "en"],
    ));
    assert_eq!(all.len(), links.len() + 6);
    assert!(all.iter().any(|p| p["src"][0] == "大会，"));
    // The same batch with --gzip: `sentences/*.xml.gz`, the same pairs.
    let gz = dir.path("batch-gz");
    unpara_ok(&[
        "batch",
        "fixtures/unpc",
        "fixtures/CAC_COSP_WG.4_2017_4",
        "-o",
        &gz,
        "--format",
        "xces",
        "--gzip",
    ]);
    let mut compressed: Vec<String> = std::fs::read_dir(format!("{gz}/sentences"))
        .expect("sentences/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    compressed.sort();
    assert_eq!(compressed.len(), 4, "{compressed:?}");
    assert!(
        compressed.iter().all(|n| n.ends_with(".xml.gz")),
        "{compressed:?}"
    );
    assert_eq!(
        json_lines(&script(
            "xces_opus.py",
            &[&format!("{gz}/corpus.xces"), "zh", "en"],
        )),
        all
    );
    let paragraph_5 = links
        .iter()
        .position(|l| {
            l["en"]
                .as_str()
                .is_some_and(|t| t.starts_with("The Working Group"))
        })
        .expect("a link of the Working Group");
    assert_eq!(
        pairs[paragraph_5]["trg"].as_array().map(|a| a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" ")),
        links[paragraph_5]["en"].as_str().map(String::from)
    );
}

#[test]
fn tmx_is_valid_tmx_1_4b_and_read_by_translate_toolkit() {
    if !consumers(&["lxml", "translate.storage.tmx"]) {
        return;
    }
    let dir = Scratch::new("tmx");
    // A control character in the input (`&#x7;`) never reaches the TMX.
    let source = std::fs::read_to_string(root().join(UNPC_ZH)).expect("fixture");
    let zh = dir.path("zh.xml");
    write(&zh, &source.replacen("欢迎秘书长", "欢迎&#x7;秘书长", 1));
    let en = root().join(UNPC_EN).to_string_lossy().into_owned();
    let out = dir.path("unpc.tmx");
    unpara_ok(&[
        "align",
        &zh,
        &en,
        "--format",
        "tmx",
        "--lang-tag",
        "zh=zh-CN",
        "-o",
        &out,
    ]);
    let read: Value = serde_json::from_str(&script("tmx_check.py", &[&out])).expect("JSON");
    assert_eq!(read["units"], 6);
    assert_eq!(
        read["first"],
        serde_json::json!(["大会，", "The General Assembly,"])
    );
    // The front page names no original language: no side is the source.
    assert_eq!(read["srclang"], "*all*");
    assert_eq!(read["langs"], serde_json::json!(["zh-CN", "en"]));
    assert_eq!(read["tuid"], "A/RES/73/3:1");
    assert_eq!(read["tuv_props"][0], zh.as_str());
    let extract = unpara_json(&["extract", &zh]);
    assert_eq!(
        extract["diagnostics"]["warnings"][0],
        "1 characters XML 1.0 forbids (control characters such as U+0007) dropped from the text"
    );
    let welcome = extract["blocks"][2]["text"].as_str().expect("text");
    assert!(welcome.starts_with("欢迎秘书长"), "{welcome}");
    // The PDF pair, filtered: every unit one to one, scoring 0.5 or more.
    let out = dir.path("cac.tmx");
    unpara_ok(&[
        "align",
        PDF_ZH,
        PDF_EN,
        "--format",
        "tmx",
        "--min-score",
        "0.5",
        "--one-to-one",
        "-o",
        &out,
    ]);
    let read: Value = serde_json::from_str(&script("tmx_check.py", &[&out])).expect("JSON");
    let al = unpara_json(&["align", PDF_ZH, PDF_EN]);
    let kept = al["sentence_links"]
        .as_array()
        .expect("links")
        .iter()
        .filter(|l| {
            l["zh"].as_array().map(Vec::len) == Some(1)
                && l["en"].as_array().map(Vec::len) == Some(1)
                && l["score"].as_f64().is_some_and(|s| s >= 0.5)
        })
        .count();
    assert_eq!(read["units"].as_u64(), Some(kept as u64));
    assert!(kept > 200, "{kept}");
    // The corpus-wide memory of a batch is valid and read too.
    let corpus = dir.path("batch");
    unpara_ok(&["batch", "fixtures/unpc", "-o", &corpus, "--format", "tmx"]);
    let read: Value =
        serde_json::from_str(&script("tmx_check.py", &[&format!("{corpus}/corpus.tmx")]))
            .expect("JSON");
    assert_eq!(read["units"], 6);
    assert_eq!(read["srclang"], "*all*");
}

#[test]
fn jsonl_of_several_pairs_loads_with_hugging_face_datasets() {
    if !consumers(&["datasets"]) {
        return;
    }
    let dir = Scratch::new("jsonl");
    let mut files = Vec::new();
    let mut rows = 0;
    // The first file's pair prints no symbol (the UDHR XML pair when the corpus is
    // here, else the fixture's DOCX pair, which has one: the load must work either way).
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(udhr) = corpus("udhr-xml") {
        pairs.push((format!("{udhr}/zh.xml"), format!("{udhr}/en.xml")));
    }
    pairs.push((UNPC_ZH.into(), UNPC_EN.into()));
    pairs.push((PDF_ZH.into(), PDF_EN.into()));
    for (k, (a, b)) in pairs.iter().enumerate() {
        let out = dir.path(&format!("{k}.jsonl"));
        unpara_ok(&["align", a, b, "--format", "jsonl", "-o", &out]);
        rows += std::fs::read_to_string(&out)
            .expect("jsonl")
            .lines()
            .count();
        files.push(out);
    }
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let read: Value = serde_json::from_str(&script("jsonl_datasets.py", &args)).expect("JSON");
    assert_eq!(read["rows"].as_u64(), Some(rows as u64));
    for f in [
        "group",
        "symbol",
        "translation",
        "zh",
        "en",
        "ids",
        "score",
        "languages",
    ] {
        assert!(
            read["features"]
                .as_array()
                .expect("features")
                .iter()
                .any(|x| x == f),
            "{f}"
        );
    }
    let groups: Vec<&str> = read["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        groups.contains(&"A/RES/73/3") && groups.contains(&"CAC/COSP/WG.4/2017/4"),
        "{groups:?}"
    );
    assert_eq!(groups.len(), pairs.len());
    assert!(
        read["first_translation"]["zh"].is_string() && read["first_translation"]["en"].is_string()
    );
}

#[test]
fn tsv_holds_text_text_score_and_filters() {
    let all = String::from_utf8(unpara(&["align", PDF_ZH, PDF_EN, "--format", "tsv"]).stdout)
        .expect("UTF-8");
    let al = unpara_json(&["align", PDF_ZH, PDF_EN]);
    let links = al["sentence_links"].as_array().expect("links");
    let two_sided = links
        .iter()
        .filter(|l| {
            l["zh"].as_array().is_some_and(|a| !a.is_empty())
                && l["en"].as_array().is_some_and(|a| !a.is_empty())
        })
        .count();
    let lines: Vec<Vec<&str>> = all.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), two_sided);
    assert!(lines
        .iter()
        .all(|f| f.len() == 3 && f[2].parse::<f64>().is_ok()));
    let first = &lines[0];
    assert_eq!(
        first[1],
        al["documents"]["en"]["blocks"][0]["sentences"][0]
            .as_str()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    );
    let high = String::from_utf8(
        unpara(&[
            "align",
            PDF_ZH,
            PDF_EN,
            "--format",
            "tsv",
            "--min-score",
            "0.9",
        ])
        .stdout,
    )
    .expect("UTF-8");
    let expected = links
        .iter()
        .filter(|l| {
            l["score"].as_f64().is_some_and(|s| s >= 0.9)
                && l["zh"].as_array().is_some_and(|a| !a.is_empty())
                && l["en"].as_array().is_some_and(|a| !a.is_empty())
        })
        .count();
    assert_eq!(high.lines().count(), expected);
    assert!(expected < two_sided);
    // Bad filter values are usage errors.
    let bad = unpara(&[
        "align",
        PDF_ZH,
        PDF_EN,
        "--format",
        "tsv",
        "--min-score",
        "7",
    ]);
    assert_eq!(bad.status.code(), Some(64));
    let bad = unpara(&["align", PDF_ZH, PDF_EN, "--lang-tag", "zh"]);
    assert_eq!(bad.status.code(), Some(64));
    // The consumer: pandas as OpusFilter and hunalign users load a bitext (no quoting,
    // three columns, a float score), over the pair's file and a batch's corpus.tsv.
    if !consumers(&["pandas"]) {
        return;
    }
    let dir = Scratch::new("tsv");
    let pair = dir.path("cac.tsv");
    write(&pair, &all);
    let read: Value = serde_json::from_str(&script("tsv_pandas.py", &[&pair])).expect("JSON");
    assert_eq!(read["rows"], lines.len());
    assert_eq!(read["columns"], 3);
    assert_eq!(read["scores_numeric"], true);
    assert_eq!(read["first"][0], first[0]);
    assert_eq!(read["first"][1], first[1]);
    assert!(read["min_score"]
        .as_f64()
        .is_some_and(|s| (0.0..=1.0).contains(&s)));
    assert!(read["max_score"].as_f64().is_some_and(|s| s <= 1.0));
    let corpus = dir.path("batch");
    unpara_ok(&[
        "batch",
        "fixtures/unpc",
        "fixtures/CAC_COSP_WG.4_2017_4",
        "-o",
        &corpus,
        "--format",
        "tsv",
    ]);
    let unpc = String::from_utf8(unpara(&["align", UNPC_ZH, UNPC_EN, "--format", "tsv"]).stdout)
        .expect("UTF-8");
    let read: Value =
        serde_json::from_str(&script("tsv_pandas.py", &[&format!("{corpus}/corpus.tsv")]))
            .expect("JSON");
    assert_eq!(read["rows"], lines.len() + unpc.lines().count());
    assert_eq!(read["columns"], 3);
}

/// Node with `tests/consumers/node`'s packages installed (`npm ci --prefix
/// tests/consumers/node`); says why the test skips when not, or fails under
/// `UNPARA_REQUIRE_CONSUMERS`.
fn ajv() -> bool {
    let installed = root()
        .join("tests/consumers/node/node_modules/ajv")
        .is_dir();
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let ok = installed && node;
    if !ok {
        let why = "Ajv is not installed (npm ci --prefix tests/consumers/node)";
        assert!(
            std::env::var_os("UNPARA_REQUIRE_CONSUMERS").is_none(),
            "{why}"
        );
        skipped(why);
    }
    ok
}

#[test]
fn the_schema_is_strict_for_jsonschema_and_ajv() {
    if !consumers(&["jsonschema"]) || !ajv() {
        return;
    }
    let dir = Scratch::new("schema");
    let mut files = Vec::new();
    let mut expected = Vec::new();
    let mut save = |name: &str, v: &Value, valid: bool| {
        let path = dir.path(name);
        write(&path, &serde_json::to_string(v).expect("JSON"));
        files.push(path);
        expected.push(valid);
    };
    let al = unpara_json(&["align", PDF_ZH, PDF_EN]);
    save("real.json", &al, true);
    let unpc = unpara_json(&[
        "align",
        UNPC_ZH,
        UNPC_EN,
        "--links",
        "fixtures/unpc/links.xml",
    ]);
    save("links.json", &unpc, true);
    let defects: [(&str, &str, Value); 6] = [
        ("stray.json", "/summary/stray", serde_json::json!(1)),
        (
            "kind.json",
            "/documents/zh/blocks/0/kind",
            serde_json::json!("bogus"),
        ),
        (
            "score.json",
            "/sentence_links/0/score",
            serde_json::json!(7),
        ),
        ("version.json", "/schema_version", serde_json::json!("2")),
        (
            "method.json",
            "/paragraph_links/0/method",
            serde_json::json!("guess"),
        ),
        (
            "pages.json",
            "/documents/en/source/pages",
            serde_json::json!(-1),
        ),
    ];
    for (name, pointer, value) in defects {
        let mut v = al.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("pointer");
        match v.pointer_mut(parent) {
            Some(Value::Object(m)) => {
                m.insert(key.to_string(), value);
            }
            Some(Value::Array(a)) => {
                if let Some(slot) = key.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                    *slot = value;
                }
            }
            _ => panic!("{pointer} is not in the output"),
        }
        save(name, &v, false);
    }
    let schema = dir.path("alignment.schema.json");
    let text = String::from_utf8(unpara(&["schema", "alignment"]).stdout).expect("UTF-8");
    write(&schema, &text);
    let mut args = vec![schema.as_str()];
    args.extend(files.iter().map(String::as_str));
    let python: Value = serde_json::from_str(&script("schema_check.py", &args)).expect("JSON");
    assert_eq!(
        python["valid"],
        serde_json::json!(expected),
        "{}",
        python["errors"]
    );
    let mut node_args = vec![root()
        .join("tests/consumers/node/ajv_check.js")
        .to_string_lossy()
        .into_owned()];
    node_args.extend(args.iter().map(|s| s.to_string()));
    let out = Command::new("node")
        .args(&node_args)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "ajv: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let node: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        node["valid"],
        serde_json::json!(expected),
        "{}",
        node["errors"]
    );
    // The document schema, on a real extract and on one with a stray field.
    let doc = unpara_json(&["extract", "fixtures/CAC_COSP_WG.4_2017_4/en.docx"]);
    let mut stray = doc.clone();
    stray["metadata"]["colour"] = serde_json::json!("blue");
    let (good, bad) = (dir.path("doc.json"), dir.path("doc-stray.json"));
    write(&good, &serde_json::to_string(&doc).expect("JSON"));
    write(&bad, &serde_json::to_string(&stray).expect("JSON"));
    let schema = dir.path("document.schema.json");
    let text = String::from_utf8(unpara(&["schema", "document"]).stdout).expect("UTF-8");
    write(&schema, &text);
    let python: Value =
        serde_json::from_str(&script("schema_check.py", &[&schema, &good, &bad])).expect("JSON");
    assert_eq!(
        python["valid"],
        serde_json::json!([true, false]),
        "{}",
        python["errors"]
    );
}

/// Issue 15: an aligned set of the six UDHR versions, read by the ecosystem's own
/// tools: its JSON valid under `unpara schema set` (jsonschema and Ajv), its TMX valid
/// TMX 1.4b with six `<tuv>` in a unit and read by translate-toolkit, its JSON Lines
/// loaded by Hugging Face datasets with a `translation` of all six languages.
#[test]
fn a_set_of_six_versions_is_read_by_jsonschema_ajv_translate_toolkit_and_datasets() {
    let Some(udhr) = corpus("udhr-xml") else {
        return;
    };
    if !consumers(&["jsonschema", "lxml", "translate.storage.tmx", "datasets"]) || !ajv() {
        return;
    }
    let dir = Scratch::new("set");
    let files: Vec<String> = ["ar", "zh", "en", "fr", "ru", "es"]
        .iter()
        .map(|l| format!("{udhr}/{l}.xml"))
        .collect();
    let run = |format: &str, out: &str| {
        let mut args = vec!["align"];
        args.extend(files.iter().map(String::as_str));
        args.extend(["--format", format, "-o", out]);
        unpara_ok(&args);
    };
    let (json, tmx, jsonl) = (
        dir.path("set.json"),
        dir.path("set.tmx"),
        dir.path("set.jsonl"),
    );
    run("json", &json);
    run("tmx", &tmx);
    run("jsonl", &jsonl);
    // The schema: the real set valid, one with a stray summary field not.
    let mut stray: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("set")).expect("JSON");
    stray["summary"]["stray"] = serde_json::json!(1);
    let bad = dir.path("stray.json");
    write(&bad, &serde_json::to_string(&stray).expect("JSON"));
    let schema = dir.path("set.schema.json");
    write(
        &schema,
        &String::from_utf8(unpara(&["schema", "set"]).stdout).expect("UTF-8"),
    );
    let python: Value =
        serde_json::from_str(&script("schema_check.py", &[&schema, &json, &bad])).expect("JSON");
    assert_eq!(
        python["valid"],
        serde_json::json!([true, false]),
        "{}",
        python["errors"]
    );
    let out = Command::new("node")
        .arg(root().join("tests/consumers/node/ajv_check.js"))
        .args([&schema, &json, &bad])
        .output()
        .expect("node runs");
    let node: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        node["valid"],
        serde_json::json!([true, false]),
        "{}",
        node["errors"]
    );
    // TMX: units with every language; the first is the title in six languages.
    let read: Value = serde_json::from_str(&script("tmx_check.py", &[&tmx])).expect("JSON");
    assert_eq!(
        read["langs"],
        serde_json::json!(["ar", "zh", "en", "fr", "ru", "es"])
    );
    let sentences = std::fs::read_to_string(&jsonl)
        .expect("jsonl")
        .lines()
        .count();
    assert_eq!(read["units"].as_u64(), Some(sentences as u64));
    assert_eq!(
        read["first"],
        serde_json::json!(["الإعلان العالمي لحقوق الإنسان", "世界人权宣言"])
    );
    // JSON Lines through datasets.
    let ds: Value = serde_json::from_str(&script("jsonl_datasets.py", &[&jsonl])).expect("JSON");
    assert_eq!(ds["rows"].as_u64(), Some(sentences as u64));
    assert_eq!(
        ds["first_translation"]["fr"],
        "Déclaration universelle des droits de l’homme"
    );
    assert_eq!(
        ds["first_translation"]["ru"],
        "Всеобщая декларация прав человека"
    );
}
