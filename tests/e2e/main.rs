//! End-to-end tests: the real `unpara` binary on the committed fixture and on the
//! shared corpus (skipped with a printed reason when `../shared/corpus` is absent).

mod batch;
mod cac_fixture;
mod cli;
mod consumers;
mod docx;
mod docx_built;
mod helpers;
mod hostile;
mod layout_languages;
mod layout_matrix;
mod real_reports;
mod review;
mod robustness;
mod schema;
mod sentences;
mod six_languages;
mod text_cmd;
mod udhr;
mod udhr_gold;
mod un_resolutions;
mod unpc;
mod wild_pdf;
mod xml_inputs;
