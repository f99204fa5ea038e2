-- Site-wide data, one row per record, found by (type, site, num_key, text_key) as in the SQLite step V002.
-- The document stays text, not jsonb: reads return it as written (key order, exact decimals).
CREATE TABLE global_records (
    type       TEXT    NOT NULL,
    site       TEXT    NOT NULL,
    num_key    BIGINT  NOT NULL,
    text_key   TEXT    NOT NULL,
    document   TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (type, site, num_key, text_key)
);
