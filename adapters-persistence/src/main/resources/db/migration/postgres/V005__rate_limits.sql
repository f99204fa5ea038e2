-- Token buckets shared by every gateway instance on this database (SQLite has one instance: it counts in memory).
-- One row per key (a user, a client address) and limit; a row is rewritten in place by one atomic upsert.
CREATE TABLE rate_buckets (
    limit_name TEXT             NOT NULL,
    key        TEXT             NOT NULL,
    tokens     DOUBLE PRECISION NOT NULL,
    counted_at BIGINT           NOT NULL,              -- epoch ms
    PRIMARY KEY (limit_name, key)
);
CREATE INDEX rate_buckets_by_time ON rate_buckets (counted_at);
