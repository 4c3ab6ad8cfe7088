-- Writes sent with an Idempotency-Key (docs/api.md, "Retries"): per user and key, the request's fingerprint and the
-- answer given, kept 24 hours. The row is inserted when the write starts and completed in the same transaction, so
-- a concurrent request with the same key waits on the primary key until the first commits or rolls back.
CREATE TABLE idempotency_keys (
    user_id         VARCHAR(255)             NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    fingerprint     VARCHAR(64)              NOT NULL,
    status          SMALLINT,
    body            VARCHAR(100000),
    location        VARCHAR(2048),
    etag            VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT idempotency_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
