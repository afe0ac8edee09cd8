//! Flowing documents (Word): paragraphs as the writer made them, without page geometry.
//!
//! A flow reader (DOCX) hands a [`Flow`] to the structure stage, which reads it through
//! the same block rules as a PDF's lines: each paragraph stands for one laid-out block
//! whose left edge, size and weight come from its formatting.

/// One paragraph of a flowing document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowParagraph {
    /// The text as printed, its label included (`1.\tIn its resolution…`; an automatic
    /// number is written in front of it by the reader), footnote markers left out.
    pub text: String,
    /// Left edge of the first line from the left margin, points (indentation minus
    /// hanging indentation).
    pub indent: f32,
    /// Font size of most of its text, points.
    pub size: f32,
    /// Most of its characters are bold.
    pub bold: bool,
    /// Its first run (the label) is bold.
    pub label_bold: bool,
    /// Centred (`w:jc w:val="center"`).
    pub centered: bool,
    /// Footnote markers referenced in it, in order (`1`, `2`, …).
    pub footnote_refs: Vec<String>,
    /// Page it starts on, counting explicit page breaks (1 first).
    pub page: u32,
    /// It continues the paragraph before as another line of the same unit: the writer
    /// split one unit over paragraphs of one style with no spacing between them (an
    /// organ name over two lines). Labels still start their own blocks.
    pub joins_previous: bool,
    /// A heading by its paragraph style (`Heading 1`, an outline level), at this level.
    pub heading: Option<u8>,
    /// A table row: cells joined by tabs, its own `table` block.
    pub table_row: bool,
    /// Printed in a text box (a drawing anchored in the body, outside the flow of
    /// text): a barcode or a job number there is page furniture, not body text.
    pub text_box: bool,
}

/// One footnote of a flowing document.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowFootnote {
    /// Its marker as the text shows it (`1`).
    pub marker: String,
    /// Its text.
    pub text: String,
    /// The page of the paragraph referencing it.
    pub page: u32,
}

/// What a flow reader found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// Body paragraphs, in order.
    pub paragraphs: Vec<FlowParagraph>,
    /// Footnotes, in the order of their references.
    pub footnotes: Vec<FlowFootnote>,
    /// Texts of the running headers and footers and of other page furniture (text
    /// boxes holding a barcode), one paragraph each; the first page's header first.
    /// The front page's symbol, date and distribution may be printed there.
    pub furniture: Vec<String>,
    /// Number of pages the writer recorded (`docProps/app.xml` `<Pages>`), if any.
    pub pages: Option<u32>,
    /// The application that wrote the file (`docProps/app.xml` `<Application>`).
    pub producer: Option<String>,
    /// The reader's warnings.
    pub warnings: Vec<String>,
}
