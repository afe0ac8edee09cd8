//! Writes a UN Parallel Corpus–style XML file of about the given size, for
//! `bench/unpc_stream.sh`: a `<TEI.2>` with a header (`<idno>` symbol and job number)
//! and `<p id="N">` paragraphs of one to four `<s id="N:M">` sentences, in English or
//! Chinese, words drawn by a fixed pseudo-random sequence (the same file every run).
//!
//! Usage: `cargo run --release -p unpara-xml --example unpc_gen -- OUT.xml MEGABYTES [en|zh]`

use std::fs::File;
use std::io::{BufWriter, Write};

const EN: &[&str] = &[
    "the",
    "General",
    "Assembly",
    "recalls",
    "its",
    "resolution",
    "on",
    "cooperation",
    "between",
    "Member",
    "States",
    "and",
    "regional",
    "organizations",
    "in",
    "support",
    "of",
    "sustainable",
    "development",
    "requests",
    "Secretary-General",
    "to",
    "report",
    "at",
    "seventy-fourth",
    "session",
    "research",
    "&amp;",
    "data",
    "programme",
    "2030",
    "Agenda",
    "human",
    "rights",
    "Council",
    "notes",
    "with",
    "appreciation",
    "efforts",
];
const ZH: &[&str] = &[
    "大会",
    "回顾",
    "其",
    "关于",
    "会员国",
    "与",
    "区域",
    "组织",
    "之间",
    "合作",
    "的",
    "决议",
    "支持",
    "可持续",
    "发展",
    "请",
    "秘书长",
    "在",
    "第七十四届",
    "会议",
    "上",
    "报告",
    "研究",
    "&amp;",
    "数据",
    "方案",
    "2030年",
    "议程",
    "人权",
    "理事会",
    "赞赏地",
    "注意到",
    "努力",
];

/// A fixed linear congruential sequence (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A writer that counts the bytes written.
struct Counted(BufWriter<File>, u64);

impl Counted {
    fn put(&mut self, s: &str) -> std::io::Result<()> {
        self.1 += s.len() as u64;
        self.0.write_all(s.as_bytes())
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(out), Some(mb)) = (args.get(1), args.get(2).and_then(|m| m.parse::<u64>().ok()))
    else {
        eprintln!("usage: unpc_gen OUT.xml MEGABYTES [en|zh]");
        std::process::exit(64);
    };
    let zh = args.get(3).is_some_and(|l| l == "zh");
    let (words, lang, sep, end) = if zh {
        (ZH, "zh", "", "。")
    } else {
        (EN, "en", " ", ".")
    };
    let target = mb * 1024 * 1024;
    let mut w = Counted(BufWriter::new(File::create(out)?), 0);
    w.put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI.2>\n<teiHeader><fileDesc><publicationStmt>\
         <idno type=\"symbol\">A/RES/73/3</idno><idno type=\"jobno\">N1832001</idno>\
         </publicationStmt></fileDesc></teiHeader>\n<text>\n<body>\n",
    )?;
    let mut rng = Lcg(2016);
    let mut p = 0usize;
    let mut line = String::new();
    while w.1 < target {
        p += 1;
        line.clear();
        line.push_str(&format!("<p id=\"{p}\">"));
        for s in 1..=1 + rng.below(4) {
            line.push_str(&format!("<s id=\"{p}:{s}\" lang=\"{lang}\">"));
            for i in 0..6 + rng.below(20) {
                if i > 0 {
                    line.push_str(sep);
                }
                line.push_str(words.get(rng.below(words.len())).unwrap_or(&"x"));
            }
            line.push_str(end);
            line.push_str("</s>");
        }
        line.push_str("</p>\n");
        w.put(&line)?;
    }
    w.put("</body>\n</text>\n</TEI.2>\n")?;
    w.0.flush()?;
    eprintln!("{out}: {} bytes, {p} paragraphs", w.1);
    Ok(())
}
