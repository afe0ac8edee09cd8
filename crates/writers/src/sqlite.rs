//! The SQLite database of a corpus (`unpara batch --sqlite FILE`): the tables of
//! `schema.sql`, one transaction per group; a group's old rows are deleted first, so
//! re-runs update instead of duplicating. Document keys are the same on every machine,
//! so shard databases merge (README, "SQLite").

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rusqlite::{params, Connection, Transaction};
use unpara_model::{Alignment, Document, Lang};

use crate::WriteError;

type Result<T> = std::result::Result<T, WriteError>;

/// The schema, as shipped in `schema.sql`.
const SCHEMA: &str = include_str!("../../../schema.sql");

/// An open corpus database. Safe to share between threads (one connection behind a
/// lock; each group is one transaction).
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (or creates) the database at `path` and its tables.
    ///
    /// # Errors
    /// [`WriteError::Database`] when the file cannot be opened as SQLite or the tables
    /// cannot be created.
    pub fn open(path: &Path) -> Result<Db> {
        let conn = Connection::open(path)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db {
            conn: Mutex::new(conn),
        })
    }

    /// Whether the database holds rows of `group` (a re-run that adds `--sqlite` to
    /// unchanged inputs redoes the groups it lacks).
    pub fn has_group(&self, group: &str) -> bool {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        conn.query_row(
            "SELECT count(*) FROM documents WHERE grp = ?1",
            params![group],
            |r| r.get::<_, i64>(0),
        )
        .is_ok_and(|n| n > 0)
    }

    /// Replaces the rows of a group: its documents with their blocks and footnotes, and
    /// the links of its aligned pair (`alignment`: side a Chinese, side b English).
    ///
    /// # Errors
    /// [`WriteError::Database`] when a statement fails (the transaction is rolled
    /// back), [`WriteError::Json`] if a list column cannot be serialized.
    pub fn write_group(
        &self,
        group: &str,
        docs: &[&Document],
        alignment: Option<&Alignment>,
    ) -> Result<()> {
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM documents WHERE grp = ?1", params![group])?;
        let mut ids: HashMap<Lang, i64> = HashMap::new();
        for doc in docs {
            let id = insert_document(&tx, group, doc)?;
            ids.insert(doc.language, id);
        }
        if let (Some(al), [zh, en]) = (alignment, docs) {
            if let (Some(&z), Some(&e)) = (ids.get(&zh.language), ids.get(&en.language)) {
                insert_links(&tx, z, e, zh, en, al)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// A document's key, the same on every machine: the first 63 bits of the SHA-256 of
/// its group, language and source SHA-256, so the databases of shards (`--shard K/N`)
/// merge without clashing (README, "SQLite").
impl Db {
    /// Writes an aligned set (three to six versions of one document) in one
    /// transaction, replacing what the group had: every version, and every pair's
    /// links (side a in the `zh_*` columns, side b in the `en_*` ones: the columns name
    /// the pair's sides as schema.sql says).
    ///
    /// # Errors
    /// [`WriteError::Sqlite`] on any database error, [`WriteError::Json`] if a list cannot be serialized.
    pub fn write_set(
        &self,
        group: &str,
        docs: &[&Document],
        set: &unpara_model::MultiAlignment,
    ) -> Result<()> {
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM documents WHERE grp = ?1", params![group])?;
        let mut ids = Vec::with_capacity(docs.len());
        for doc in docs {
            ids.push(insert_document(&tx, group, doc)?);
        }
        for p in &set.pairs {
            if let (Some(&a), Some(&b), Some(da), Some(db)) =
                (ids.get(p.a), ids.get(p.b), docs.get(p.a), docs.get(p.b))
            {
                insert_links(&tx, a, b, da, db, &p.alignment)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

fn document_key(group: &str, doc: &Document) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(
        format!(
            "{group}\u{1f}{}\u{1f}{}",
            doc.language.code(),
            doc.source.sha256
        )
        .as_bytes(),
    );
    let mut first = [0u8; 8];
    first.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    (u64::from_be_bytes(first) >> 1) as i64
}

fn insert_document(tx: &Transaction, group: &str, doc: &Document) -> Result<i64> {
    let m = &doc.metadata;
    let id = document_key(group, doc);
    tx.execute(
        "INSERT INTO documents (id, grp, symbol, language, job_number, date, title, sha256, pages, path, format)
         VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            group,
            m.symbol,
            doc.language.code(),
            m.job_number,
            m.date,
            m.title,
            doc.source.sha256,
            doc.source.pages,
            doc.source.path,
            doc.source.format.as_str(),
            id
        ],
    )?;
    let mut block = tx.prepare(
        "INSERT INTO blocks (document_id, block_id, position, kind, label, level, number, parent, text, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, b) in doc.blocks.iter().enumerate() {
        block.execute(params![
            id,
            b.id,
            i as i64,
            b.kind.as_str(),
            b.label,
            b.level,
            b.number,
            b.parent,
            b.text,
            serde_json::to_string(&b.sentences)?
        ])?;
    }
    let mut note = tx.prepare(
        "INSERT INTO footnotes (document_id, position, marker, text, page, block_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, f) in doc.footnotes.iter().enumerate() {
        note.execute(params![id, i as i64, f.marker, f.text, f.page, f.block])?;
    }
    Ok(id)
}

fn insert_links(
    tx: &Transaction,
    z: i64,
    e: i64,
    zh: &Document,
    en: &Document,
    al: &Alignment,
) -> Result<()> {
    let mut para = tx.prepare(
        "INSERT INTO paragraph_links (zh_document, en_document, position, zh_blocks, en_blocks, method, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, l) in al.paragraph_links.iter().enumerate() {
        para.execute(params![
            z,
            e,
            i as i64,
            serde_json::to_string(&l.a)?,
            serde_json::to_string(&l.b)?,
            l.method,
            f64::from(l.score)
        ])?;
    }
    let sentences = |doc: &Document| -> HashMap<String, String> {
        doc.blocks
            .iter()
            .flat_map(|b| {
                b.sentences
                    .iter()
                    .enumerate()
                    .map(move |(i, s)| (format!("{}:{i}", b.id), s.clone()))
            })
            .collect()
    };
    let (sz, se) = (sentences(zh), sentences(en));
    let text = |ids: &[String], map: &HashMap<String, String>, sep: &str| {
        ids.iter()
            .filter_map(|i| map.get(i).cloned())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut sent = tx.prepare(
        "INSERT INTO sentence_links (zh_document, en_document, position, zh_ids, en_ids, zh_text, en_text, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, l) in al.sentence_links.iter().enumerate() {
        sent.execute(params![
            z,
            e,
            i as i64,
            serde_json::to_string(&l.a)?,
            serde_json::to_string(&l.b)?,
            text(&l.a, &sz, ""),
            text(&l.b, &se, " "),
            f64::from(l.score)
        ])?;
    }
    Ok(())
}
