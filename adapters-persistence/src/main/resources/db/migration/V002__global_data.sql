-- Site-wide data (production costs, container settings, site energy, feature flags): one row per record.
-- A record is found by (type, site, num_key, text_key): production costs use num_key = year * 100 + month (key
-- ranges select on it), container settings use text_key = model, one-document types use (0, '').
CREATE TABLE global_records (
    type       TEXT    NOT NULL,
    site       TEXT    NOT NULL,
    num_key    INTEGER NOT NULL,
    text_key   TEXT    NOT NULL,
    document   TEXT    NOT NULL,                       -- JSON object, as reads return it
    updated_at INTEGER NOT NULL,                       -- epoch ms
    PRIMARY KEY (type, site, num_key, text_key)
) WITHOUT ROWID;
