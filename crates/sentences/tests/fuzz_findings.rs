//! Inputs the fuzzer found (issue 13), kept in `fixtures/crashes/`: each is cut into
//! sentences in both languages. `sentences-hang-newline-runs.bin` (AFL's hang
//! `id:000000` of the `sentences` target, 32 564 bytes, 30 000 line breaks among
//! fragments) took 7–26 s before the fix; `sentences-hang-space-run.bin` (the re-run's
//! hang, 28 292 bytes, 28 114 vertical tabs after a stop) took 6 s in UAX #29 itself.
//! The fuzz target's 5 s limit is the guard on time, this test the guard on the result.

use unpara_model::Lang;

#[test]
fn fuzz_findings_segment_into_ordered_ranges_inside_the_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/crashes");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures/crashes") {
        let path = entry.expect("entry").path();
        if !path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("sentences-"))
        {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("finding")).into_owned();
        for lang in [Lang::Zh, Lang::En] {
            let ranges = unpara_sentences::sentence_ranges(&text, lang);
            let mut end = 0;
            for r in &ranges {
                assert!(
                    r.start >= end && r.end <= text.len() && r.start <= r.end,
                    "{path:?} {r:?}"
                );
                end = r.end;
            }
            assert!(!ranges.is_empty(), "{path:?}");
        }
        seen += 1;
    }
    assert!(seen >= 1, "no fuzz finding in {dir}");
}
