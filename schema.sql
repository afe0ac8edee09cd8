-- The database `unpara batch --sqlite FILE` writes (SQLite). Every group of a batch is
-- written in one transaction that first deletes the group's rows, so a re-run updates
-- instead of duplicating. Foreign keys are declared and enforced (PRAGMA foreign_keys).

CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,     -- stable: from group, language and sha256
    grp         TEXT NOT NULL,           -- the batch group: the document symbol
    symbol      TEXT,
    language    TEXT NOT NULL,           -- ar | zh | en | fr | ru | es
    job_number  TEXT,
    date        TEXT,                    -- ISO 8601
    title       TEXT,
    sha256      TEXT NOT NULL,           -- of the source file
    pages       INTEGER NOT NULL,
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,           -- pdf | docx | unpc-xml | udhr-xml | xml
    UNIQUE (grp, language)
);

CREATE TABLE IF NOT EXISTS blocks (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    block_id    TEXT NOT NULL,           -- b0, b1, …
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,           -- heading | paragraph | item | text | table
    label       TEXT,
    level       INTEGER,
    number      TEXT,
    parent      TEXT,
    text        TEXT NOT NULL,
    sentences   TEXT NOT NULL,           -- JSON array of strings
    PRIMARY KEY (document_id, block_id)
);

CREATE TABLE IF NOT EXISTS footnotes (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    marker      TEXT NOT NULL,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    block_id    TEXT,
    PRIMARY KEY (document_id, position),
    FOREIGN KEY (document_id, block_id) REFERENCES blocks (document_id, block_id)
);

-- Links of a pair: zh_* columns hold side a, en_* side b (for a zh–en pair, the names
-- say it; a set of three to six versions has one row set per pair of versions).
CREATE TABLE IF NOT EXISTS paragraph_links (
    zh_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    en_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    zh_blocks   TEXT NOT NULL,           -- JSON array of block ids
    en_blocks   TEXT NOT NULL,
    method      TEXT NOT NULL,
    score       REAL NOT NULL,
    PRIMARY KEY (zh_document, en_document, position)
);

CREATE TABLE IF NOT EXISTS sentence_links (
    zh_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    en_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    zh_ids      TEXT NOT NULL,           -- JSON array of sentence ids (blockid:index)
    en_ids      TEXT NOT NULL,
    zh_text     TEXT NOT NULL,
    en_text     TEXT NOT NULL,
    score       REAL NOT NULL,
    PRIMARY KEY (zh_document, en_document, position)
);

-- Indexes for the queries of README ("Batch conversion", SQLite): documents by symbol and
-- language; footnotes of a block. Sentence links of a document pair use the primary key.
CREATE INDEX IF NOT EXISTS documents_by_symbol ON documents (symbol, language);
CREATE INDEX IF NOT EXISTS footnotes_by_block ON footnotes (document_id, block_id);
