//! An existing sentence alignment as input: XCES link files (`<linkGrp>` /
//! `<link xtargets="1:1 1:2;1:1">`, as the UN Parallel Corpus and OPUS ship them) read
//! ([`read_links`]), their ids resolved against the two documents ([`SentenceIds`]) and
//! turned into sentence and paragraph links ([`link_documents`]).

mod build;
mod groups;
mod ids;
mod read;

pub use build::{link_documents, Linked};
pub use ids::SentenceIds;
pub(crate) use ids::Target;
pub use read::{read_links, select_group, LinkGroup, XcesLink};

use thiserror::Error;

use crate::XmlError;

/// Why a link file could not be read or does not fit the documents. `link` numbers
/// count the `<link>` elements of the file from 1.
#[derive(Debug, Error)]
pub enum LinkError {
    /// The link file (or a UNPC document re-read for its ids) is not well-formed.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// The file holds no `<link>` element.
    #[error("no <link xtargets=\"…;…\"> element found")]
    NoLinks,
    /// An `xtargets` attribute is missing or not `ids of a;ids of b`.
    #[error(
        "link {link}: xtargets {xtargets:?} is not \"ids of the first file;ids of the second\""
    )]
    Xtargets {
        /// The link's number.
        link: usize,
        /// The attribute as written (empty when missing).
        xtargets: String,
    },
    /// A `certainty` or `score` attribute is not a number.
    #[error("link {link}: score {value:?} is not a number")]
    Score {
        /// The link's number.
        link: usize,
        /// The attribute as written.
        value: String,
    },
    /// The file holds several link groups and none goes from the first file to the second.
    #[error("none of the {groups} link groups goes from {a} to {b} (fromDoc, toDoc)")]
    NoGroup {
        /// How many `<linkGrp>` the file holds.
        groups: usize,
        /// File name of the first document.
        a: String,
        /// File name of the second document.
        b: String,
    },
    /// The link group goes from the second file to the first.
    #[error("the links go from {from} to {to} (fromDoc, toDoc): give the two files in that order")]
    Reversed {
        /// `fromDoc`.
        from: String,
        /// `toDoc`.
        to: String,
    },
    /// A link names a sentence the document does not have.
    #[error("link {link}: sentence {id} is not in {file}")]
    UnknownId {
        /// The link's number.
        link: usize,
        /// The sentence id as written.
        id: String,
        /// The document's path.
        file: String,
    },
    /// A link names a sentence an earlier link already holds.
    #[error("link {link}: sentence {id} of {file} is already in link {first}")]
    Repeated {
        /// The link's number.
        link: usize,
        /// The sentence id as written.
        id: String,
        /// The document's path.
        file: String,
        /// The number of the earlier link.
        first: usize,
    },
    /// A link names a sentence id the document holds more than once.
    #[error("link {link}: sentence id {id} occurs more than once in {file}")]
    Ambiguous {
        /// The link's number.
        link: usize,
        /// The sentence id as written.
        id: String,
        /// The document's path.
        file: String,
    },
    /// The ids read from a file do not fit the document read from it (another file?).
    #[error("{file}: its sentence ids do not fit the document read from it")]
    Mismatch {
        /// The document's path.
        file: String,
    },
}
