//! Fuzz target: an XML input (UN Parallel Corpus, UDHR, generic XML).
fn main() {
    afl::fuzz!(|data: &[u8]| unpara_fuzz::read_xml(data));
}
