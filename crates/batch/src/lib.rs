//! unpara's conversion of many documents, shared by `unpara batch` and the Python
//! module's engine pipeline so that both group exactly alike: finding the inputs
//! ([`inputs`]), reading one from its bytes ([`read_document`]), naming its group by
//! document symbol ([`group_name`]), choosing the versions to align
//! ([`pick_versions`]), converting a group ([`convert`]: a pair, a set of three to six
//! languages, or one document), the shard of a group ([`shard_of`]) and the run
//! report ([`RunReport`]).
//!
//! Nothing here writes files or prints: the callers decide where outputs go.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod convert;
pub mod discover;
pub mod group;
pub mod read;
pub mod report;
pub mod stream;

pub use convert::{convert, others, Conversion, ConvertError, Other, Version};
pub use discover::{
    file_stem_of, inputs, is_link_file, is_link_head, symbol_hint, DiscoverError, Inputs,
};
pub use group::{group_hash, group_name, pick_versions, shard_of, Member};
pub use read::{read_document, read_layout, ReadError, Reading};
pub use report::{totals, FileReport, GroupReport, RunReport, Totals};
pub use stream::{stream_document, DocumentStream};
