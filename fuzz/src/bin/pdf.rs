//! Fuzz target: a whole PDF (load, cross-reference, objects, pages, fonts, layout,
//! structure, sentences).
fn main() {
    afl::fuzz!(|data: &[u8]| unpara_fuzz::pdf(data));
}
