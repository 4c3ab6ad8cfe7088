-- Rate-limit buckets shared by every instance on PostgreSQL (contract §2), in Bucket4j's JDBC layout: one row per limit
-- and hashed key, its state serialized by Bucket4j, and when the row may go (epoch milliseconds). The embedded
-- store serves one instance and counts in memory: there the table stays empty.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(128) NOT NULL,
    state      BYTEA,
    expires_at BIGINT,
    CONSTRAINT rate_limit_buckets_pk PRIMARY KEY (id)
);
CREATE INDEX rate_limit_buckets_expires_ix ON rate_limit_buckets (expires_at);
