-- One row the readiness check rewrites (at most every 10 s while somebody polls it) to prove the file takes writes.
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
);
