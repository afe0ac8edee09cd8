//! Links the `unpara` executable at a fixed address on Linux (`-no-pie`).
//!
//! A position-independent executable is relocated by the dynamic loader at every start:
//! about 31 500 relative relocations, which write — and so copy — every page of
//! `.data.rel.ro` (about 140 of a run's 1 060 page faults). unpara is run once per
//! document (`batch` starts a worker process for each), so the start counts: linked at
//! a fixed address, `unpara --version` took 1.85 ms instead of 2.16 ms and `unpara
//! extract` of the 8-page `CAC_COSP_WG.4_2017_4/zh.pdf` 11.21 ms instead of 11.77 ms
//! (one core, medians of 61 alternating runs, 2026-12-08; page faults 1 061 → 867).
//! The cost is that the executable's own code and data are not placed at a random
//! address (ASLR still moves the libraries, heap and stack); unpara has no `unsafe`
//! code of its own. Set `UNPARA_PIE=1` when building to keep the default.

fn main() {
    println!("cargo:rerun-if-env-changed=UNPARA_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    let keep_pie = std::env::var("UNPARA_PIE").is_ok_and(|v| v == "1");
    if linux && gnu && !keep_pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
