//! Fuzz target: the parts of a DOCX (document, numbering, footnotes, styles, a header),
//! separated by `unpara_fuzz::PART_SEPARATOR`, packed into a package and read.
fn main() {
    afl::fuzz!(|data: &[u8]| unpara_fuzz::read_docx(&unpara_fuzz::docx(data)));
}
