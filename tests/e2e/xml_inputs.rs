//! Issue 5, XML safety and the generic reader: DTDs are never processed (no XXE, no
//! entity expansion), any XML gives its text nodes with a warning naming its root.

use crate::helpers::unpara_json;

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("unpara-xml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn external_entities_are_not_fetched() {
    let secret = write("secret.txt", "TOP-SECRET-CONTENT");
    let xml = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://{}\">]><r><p>Before &x; after.</p></r>",
        secret.display()
    );
    let p = write("xxe.xml", &xml);
    let doc = unpara_json(&["extract", p.to_str().unwrap()]);
    let text = doc["blocks"].to_string();
    assert!(!text.contains("TOP-SECRET"), "{text}");
    assert_eq!(doc["blocks"][0]["text"], "Before &x; after.");
    let warnings = doc["diagnostics"]["warnings"].to_string();
    assert!(
        warnings.contains("entity &x; is not expanded") && warnings.contains("DTD"),
        "{warnings}"
    );
}

#[test]
fn billion_laughs_do_not_expand() {
    let mut xml = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        xml.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&lol{};", i - 1).repeat(10)
        ));
    }
    xml.push_str("]><lolz><p>&lol9;</p></lolz>");
    let doc = unpara_json(&["extract", write("lol.xml", &xml).to_str().unwrap()]);
    assert_eq!(doc["blocks"][0]["text"], "&lol9;");
}

#[test]
fn any_other_xml_gives_its_text_nodes() {
    let p = write(
        "g.xml",
        "<report><head>Annual report</head><body><p>It met <b>twice</b>.</p></body></report>",
    );
    let doc = unpara_json(&["extract", p.to_str().unwrap()]);
    assert_eq!(doc["source"]["format"], "xml");
    let texts: Vec<&str> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Annual report", "It met", "twice", "."]);
    assert!(doc["diagnostics"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("root element <report>"));
}
