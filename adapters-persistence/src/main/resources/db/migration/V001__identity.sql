-- Users, their tokens (hash only), saved UI settings and the audit trail.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a deleted user's id stays dead
    email          TEXT    NOT NULL UNIQUE,
    name           TEXT,
    role           TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,                   -- epoch ms
    updated_at     INTEGER NOT NULL,
    last_active_at INTEGER
);
-- Id 1 belongs to the super admin alone: ordinary users are numbered from 2 even before it exists.
INSERT INTO sqlite_sequence (name, seq) VALUES ('users', 1);

CREATE TABLE tokens (
    hash       TEXT    PRIMARY KEY,                    -- SHA-256 of the token text
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles      TEXT    NOT NULL,                       -- colon-separated, as in the token text
    ips        TEXT    NOT NULL,                       -- comma-separated canonical addresses
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX tokens_by_user ON tokens (user_id);
CREATE INDEX tokens_by_expiry ON tokens (expires_at);

CREATE TABLE user_settings (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    settings   TEXT    NOT NULL,                       -- JSON object
    updated_at INTEGER NOT NULL
);

CREATE TABLE audit_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor_id    INTEGER,
    actor_email TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT,
    outcome     TEXT    NOT NULL,
    details     TEXT    NOT NULL                       -- JSON object of strings
);
CREATE INDEX audit_by_time ON audit_entries (at);
