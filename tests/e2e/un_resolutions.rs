//! `../shared/corpus/un-en`: General Assembly resolutions from Word 2016 (issue 2).

use serde_json::Value;

use crate::helpers::{blocks, corpus, paragraph, paragraph_numbers, unpara_json};

fn extract(name: &str) -> Option<Value> {
    corpus(&format!("un-en/{name}.pdf")).map(|p| unpara_json(&["extract", &p]))
}

fn check_common(
    d: &Value,
    symbol: &str,
    date: &str,
    paragraphs: usize,
    footnotes: usize,
    job: &str,
) {
    assert_eq!(d["metadata"]["symbol"], symbol);
    assert_eq!(d["metadata"]["date"], date);
    assert_eq!(d["metadata"]["job_number"], job);
    let expected: Vec<String> = (1..=paragraphs).map(|n| n.to_string()).collect();
    assert_eq!(paragraph_numbers(d), expected, "{symbol}");
    let markers: Vec<&str> = d["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["marker"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=footnotes).map(|n| n.to_string()).collect();
    assert_eq!(markers, expected, "{symbol}");
    for f in d["footnotes"].as_array().unwrap() {
        assert!(
            f["block"].is_string(),
            "{symbol} footnote {} has no anchor",
            f["marker"]
        );
        assert!(!f["text"].as_str().unwrap().is_empty());
    }
    let barcode = format!("*{}*", job.replace('-', ""));
    for b in blocks(d) {
        let t = b["text"].as_str().unwrap();
        for bad in [
            job,
            barcode.as_str(),
            "Amer ica",
            " th e ",
            "high -level",
            "__",
        ] {
            assert!(!t.contains(bad), "{symbol} {}: {bad:?} in {t}", b["id"]);
        }
        assert_ne!(t, symbol);
    }
    assert_eq!(d["diagnostics"]["undecodable_glyphs"], 0);
}

#[test]
fn a_res_73_8() {
    let Some(d) = extract("A_RES_73_8") else {
        return;
    };
    check_common(&d, "A/RES/73/8", "2018-11-05", 5, 1, "18-18418");
    assert_eq!(
        paragraph(&d, "5")["text"],
        "Decides to include in the provisional agenda of its seventy-fourth session the item entitled “Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba”."
    );
    assert_eq!(paragraph(&d, "1")["text"], "Takes note of the report of the Secretary-General on the implementation of resolution 72/4;");
    assert_eq!(
        paragraph(&d, "1")["footnote_refs"],
        serde_json::json!(["1"])
    );
    assert_eq!(d["footnotes"][0]["text"], "A/73/85.");
    assert_eq!(d["footnotes"][0]["block"], paragraph(&d, "1")["id"]);
    // Preambular paragraphs are text blocks, one each.
    let recalling = blocks(&d)
        .iter()
        .find(|b| {
            b["text"]
                .as_str()
                .unwrap()
                .starts_with("Recalling the statements of the Heads of State")
        })
        .expect("preambular paragraph");
    assert_eq!(recalling["kind"], "text");
    assert_eq!(
        recalling["text"],
        "Recalling the statements of the Heads of State or Government of Latin America and the Caribbean at the Summits of the Community of Latin American and Caribbean States regarding the need to put an end to the economic, commercial and financial embargo imposed against Cuba,"
    );
    assert_eq!(
        d["metadata"]["title"],
        "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba"
    );
}

#[test]
fn a_res_73_6() {
    let Some(d) = extract("A_RES_73_6") else {
        return;
    };
    check_common(&d, "A/RES/73/6", "2018-10-31", 14, 6, "18-17962");
}

#[test]
fn a_res_73_3() {
    let Some(d) = extract("A_RES_73_3") else {
        return;
    };
    check_common(&d, "A/RES/73/3", "2018-10-18", 53, 7, "18-16895");
    let notes = d["footnotes"].as_array().unwrap();
    assert_eq!(notes[0]["text"], "Resolution 70/1.");
    assert_eq!(
        notes[3]["text"],
        "See Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A and corrigendum (A/71/53/Add.1 and A/71/53/Add.1/Corr.1), chap. II."
    );
    assert_eq!(notes[5]["text"], "See resolution 55/2.");
}
