//! Fuzz target: a ToUnicode CMap (PDF 32000-1 §9.10.3) of the composite font of a
//! one-page PDF whose content draws codes of it.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        unpara_fuzz::pdf(&unpara_fuzz::one_page_pdf(
            unpara_fuzz::DRAW_BOTH_FONTS,
            data,
        ));
    });
}
