//! Fuzz target: a content stream (the interpreter: operators, text state, text matrix,
//! fonts' code decoding) in a one-page PDF with a simple and a composite font.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        unpara_fuzz::pdf(&unpara_fuzz::one_page_pdf(data, b""));
    });
}
