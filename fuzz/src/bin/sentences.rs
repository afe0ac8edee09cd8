//! Fuzz target: the Chinese and English sentence segmenters on any text.
fn main() {
    afl::fuzz!(|data: &[u8]| unpara_fuzz::sentences(data));
}
