//! Wire structs of schema "1". Side keys of a pair are the documents' language codes.

use schemars::JsonSchema;
use serde::Serialize;
use unpara_model::{Alignment, Document, Lang};

/// Contract version written in every output.
pub(crate) const SCHEMA_VERSION: &str = "1";

/// A document; its `blocks` are a [`WireBlocks`] view of the document's, or blocks
/// written as they are read ([`crate::streamed::StreamedBlocks`]).
#[derive(Serialize, JsonSchema)]
#[schemars(bound = "")]
pub(crate) struct WireDocument<'a, B = WireBlocks<'a>> {
    #[schemars(extend("const" = "1"))]
    schema_version: &'static str,
    source: WireSource<'a>,
    #[schemars(extend("enum" = ["ar", "zh", "en", "fr", "ru", "es"]))]
    language: &'static str,
    metadata: WireMetadata<'a>,
    #[schemars(with = "Vec<WireBlock<'static>>")]
    blocks: B,
    footnotes: Vec<WireFootnote<'a>>,
    diagnostics: WireDiagnostics<'a>,
}

/// A document's blocks, written as the array of their [`WireBlock`]s one by one: a
/// view of each is made as it is written, not all at once (152 bytes a block, 8 MB for
/// the 53 000 blocks of a 20 MB UNPC file: the writer's peak).
pub(crate) struct WireBlocks<'a>(&'a [unpara_model::Block]);

impl Serialize for WireBlocks<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(WireBlock::of))
    }
}

#[derive(Serialize, JsonSchema)]
struct WireSource<'a> {
    path: &'a str,
    #[schemars(extend("enum" = ["pdf", "docx", "unpc-xml", "udhr-xml", "xml"]))]
    format: &'static str,
    /// SHA-256 of the input's bytes, 64 lower-case hexadecimal digits.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    sha256: &'a str,
    pages: u32,
    producer: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct WireMetadata<'a> {
    symbol: Option<&'a str>,
    job_number: Option<&'a str>,
    distribution: Option<&'a str>,
    date: Option<&'a str>,
    #[schemars(extend("enum" = ["ar", "zh", "en", "fr", "ru", "es", null]))]
    original_language: Option<&'static str>,
    title: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct WireBlock<'a> {
    id: &'a str,
    /// `heading`, `paragraph` (numbered), `item` (a sub-item, `parent` set), `table`
    /// (one table row, its cells separated by a tab; an extension of schema "1") or
    /// `text` (anything else).
    #[schemars(extend("enum" = ["heading", "paragraph", "item", "table", "text"]))]
    kind: &'static str,
    label: Option<&'a str>,
    level: Option<u8>,
    number: Option<&'a str>,
    parent: Option<&'a str>,
    text: &'a str,
    pages: &'a [u32],
    footnote_refs: &'a [String],
    sentences: &'a [String],
}

#[derive(Serialize, JsonSchema)]
struct WireFootnote<'a> {
    marker: &'a str,
    text: &'a str,
    page: u32,
    block: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct WireDiagnostics<'a> {
    undecodable_glyphs: u64,
    warnings: &'a [String],
}

impl<'a> WireBlock<'a> {
    pub(crate) fn of(b: &'a unpara_model::Block) -> Self {
        WireBlock {
            id: &b.id,
            kind: b.kind.as_str(),
            label: b.label.as_deref(),
            level: b.level,
            number: b.number.as_deref(),
            parent: b.parent.as_deref(),
            text: &b.text,
            pages: &b.pages,
            footnote_refs: &b.footnote_refs,
            sentences: &b.sentences,
        }
    }
}

pub(crate) fn document(d: &Document) -> WireDocument<'_> {
    document_with(d, WireBlocks(&d.blocks))
}

/// The document `d` with `blocks` for its blocks.
pub(crate) fn document_with<B>(d: &Document, blocks: B) -> WireDocument<'_, B> {
    let m = &d.metadata;
    WireDocument {
        schema_version: SCHEMA_VERSION,
        source: WireSource {
            path: &d.source.path,
            format: d.source.format.as_str(),
            sha256: &d.source.sha256,
            pages: d.source.pages,
            producer: d.source.producer.as_deref(),
        },
        language: d.language.code(),
        metadata: WireMetadata {
            symbol: m.symbol.as_deref(),
            job_number: m.job_number.as_deref(),
            distribution: m.distribution.as_deref(),
            date: m.date.as_deref(),
            original_language: m.original_language.map(|l| l.code()),
            title: m.title.as_deref(),
        },
        blocks,
        footnotes: d
            .footnotes
            .iter()
            .map(|f| WireFootnote {
                marker: &f.marker,
                text: &f.text,
                page: f.page,
                block: f.block.as_deref(),
            })
            .collect(),
        diagnostics: WireDiagnostics {
            undecodable_glyphs: d.diagnostics.undecodable_glyphs,
            warnings: &d.diagnostics.warnings,
        },
    }
}

/// Values keyed by language code, in the UN's order of the languages (ar, zh, en, fr,
/// ru, es) whatever the order of the documents, so that an output does not depend on
/// which file came first: the two sides of a pair (`{"zh": …, "en": …}`,
/// `{"ar": …, "ru": …}`: the contract keys sides by the documents' languages) or the
/// versions of a set.
pub(crate) struct ByLang<T>(Vec<(Lang, T)>);

/// The two sides of a pair.
pub(crate) type Sides<T> = ByLang<T>;

impl<T> ByLang<T> {
    /// Values for the languages of `entries` (distinct languages:
    /// [`crate::check_languages`] refuses the others before this is built).
    pub(crate) fn new(mut entries: Vec<(Lang, T)>) -> ByLang<T> {
        entries.sort_by_key(|(l, _)| *l);
        ByLang(entries)
    }

    /// `a` and `b` of a pair whose sides are in `lang_a` and `lang_b`.
    pub(crate) fn of(lang_a: Lang, lang_b: Lang, a: T, b: T) -> ByLang<T> {
        ByLang::new(vec![(lang_a, a), (lang_b, b)])
    }
}

impl<T: Serialize> Serialize for ByLang<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (l, v) in &self.0 {
            map.serialize_entry(l.code(), v)?;
        }
        map.end()
    }
}

impl<T: JsonSchema> JsonSchema for ByLang<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("ByLang_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    /// An object keyed by language codes (which ones, the output's `languages` says).
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = serde_json::Value::from(generator.subschema_for::<T>());
        let properties: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), value.clone()))
            .collect();
        schemars::json_schema!({ "type": "object", "properties": properties })
    }
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct WireAlignment<'a> {
    #[schemars(extend("const" = "1"))]
    schema_version: &'static str,
    /// Languages of side a and side b, in the order the documents were given.
    languages: [&'static str; 2],
    documents: Sides<WireDocument<'a>>,
    #[serde(flatten)]
    links: WireLinks<'a>,
}

/// The links and summary of one pair (of an aligned pair, or one pair of a set).
#[derive(Serialize, JsonSchema)]
pub(crate) struct WireLinks<'a> {
    paragraph_links: Vec<WireParagraphLink<'a>>,
    footnote_links: Vec<Sides<Option<&'a str>>>,
    sentence_links: Vec<WireSentenceLink<'a>>,
    summary: WireSummary<'a>,
}

#[derive(Serialize, JsonSchema)]
struct WireParagraphLink<'a> {
    #[serde(flatten)]
    blocks: Sides<&'a [String]>,
    /// How the link was made: `number` (paragraph numbers), `label` (heading words,
    /// labels), `dp` (the length and anchor programme), `unaligned` (one-sided), `links`
    /// (taken from a link file).
    #[schemars(extend("enum" = ["number", "label", "dp", "unaligned", "links"]))]
    method: &'a str,
    /// In [0, 1], 3 decimals.
    #[schemars(range(min = 0, max = 1))]
    score: f64,
}

#[derive(Serialize, JsonSchema)]
struct WireSentenceLink<'a> {
    #[serde(flatten)]
    sentences: Sides<&'a [String]>,
    /// In [0, 1], 3 decimals.
    #[schemars(range(min = 0, max = 1))]
    score: f64,
}

#[derive(Serialize, JsonSchema)]
struct WireSummary<'a> {
    links: usize,
    one_to_one: usize,
    unaligned: Sides<usize>,
    sentences: WireSentenceSummary,
    /// What looked wrong about the pair: different symbols, lengths that do not follow
    /// the language pair's ratio, few shared numbers and names, one version much shorter.
    warnings: &'a [String],
}

#[derive(Serialize, JsonSchema)]
struct WireSentenceSummary {
    links: usize,
    one_to_one: usize,
    unaligned: Sides<usize>,
    /// Indices into `sentence_links` of the two-sided links scoring below
    /// `low_score_below`.
    low_score: Vec<usize>,
    #[schemars(range(min = 0, max = 1))]
    low_score_below: f64,
}

pub(crate) fn alignment<'a>(
    a: &'a Document,
    b: &'a Document,
    al: &'a Alignment,
) -> WireAlignment<'a> {
    let (la, lb) = (a.language, b.language);
    WireAlignment {
        schema_version: SCHEMA_VERSION,
        languages: [la.code(), b.language.code()],
        documents: Sides::of(la, lb, document(a), document(b)),
        links: links(la, lb, al),
    }
}

/// The wire links of a pair whose sides are in `la` and `lb`.
pub(crate) fn links(la: Lang, lb: Lang, al: &Alignment) -> WireLinks<'_> {
    let summary = &al.summary;
    WireLinks {
        paragraph_links: al
            .paragraph_links
            .iter()
            .map(|l| WireParagraphLink {
                blocks: Sides::of(la, lb, &l.a, &l.b),
                method: &l.method,
                score: round(l.score),
            })
            .collect(),
        footnote_links: al
            .footnote_links
            .iter()
            .map(|l| Sides::of(la, lb, l.a.as_deref(), l.b.as_deref()))
            .collect(),
        sentence_links: al
            .sentence_links
            .iter()
            .map(|l| WireSentenceLink {
                sentences: Sides::of(la, lb, &l.a, &l.b),
                score: round(l.score),
            })
            .collect(),
        summary: WireSummary {
            links: summary.links,
            one_to_one: summary.one_to_one,
            unaligned: Sides::of(la, lb, summary.unaligned_a, summary.unaligned_b),
            sentences: WireSentenceSummary {
                links: summary.sentences.links,
                one_to_one: summary.sentences.one_to_one,
                unaligned: Sides::of(
                    la,
                    lb,
                    summary.sentences.unaligned_a,
                    summary.sentences.unaligned_b,
                ),
                low_score: summary.sentences.low_score.clone(),
                low_score_below: round(summary.sentences.threshold),
            },
            warnings: &summary.warnings,
        },
    }
}

/// Scores to 3 decimals: more digits carry no information and churn golden files.
pub(crate) fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use unpara_model::BlockKind;

    /// Every kind of the model, listed by a match that stops compiling when a kind is
    /// added without being listed here.
    fn listed(k: BlockKind) -> BlockKind {
        match k {
            BlockKind::Heading
            | BlockKind::Paragraph
            | BlockKind::Item
            | BlockKind::Table
            | BlockKind::Text => k,
        }
    }

    /// The schema's block kinds are the model's, every one of them.
    #[test]
    fn schema_names_every_block_kind() {
        let schema = crate::json_schema("document").unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&schema).unwrap_or_default();
        let kinds = value
            .pointer("/$defs/WireBlock/properties/kind/enum")
            .cloned();
        let expected: Vec<&str> = [
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::Item,
            BlockKind::Table,
            BlockKind::Text,
        ]
        .iter()
        .map(|k| listed(*k).as_str())
        .collect();
        assert_eq!(kinds, Some(serde_json::json!(expected)));
    }
}
