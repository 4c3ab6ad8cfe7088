-- Own accounts (standalone sign-up and sign-in), the service's own token signing key, and what the
-- admin user listing needs. Portable like V1: PostgreSQL 15 and H2 in MODE=PostgreSQL, every
-- constraint named.

-- One credential per user. The email is stored lower-cased (the domain's Email already is; the check
-- keeps every writer honest), so a plain unique constraint compares emails case-insensitively on both
-- databases; H2 has no expression index for UNIQUE (lower(email)). A sign-up inserts with
-- ON CONFLICT (email) DO NOTHING and learns from the row count whether the email was taken.
CREATE TABLE credentials (
    user_id       VARCHAR(255)  NOT NULL,
    email         VARCHAR(1020) NOT NULL,
    -- A PHC string such as $argon2id$v=19$m=19456,t=2,p=1$<salt>$<digest>: about 100 characters.
    password_hash VARCHAR(1024) NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (user_id),
    CONSTRAINT credentials_email_uk UNIQUE (email),
    CONSTRAINT credentials_email_lower_ck CHECK (email = LOWER(email)),
    CONSTRAINT credentials_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The service's own Ed25519 key pair: PKCS#8 and X.509 DER, base64-encoded, because no binary type
-- reads the same in both databases and in jOOQ's generated code (BYTEA becomes a BLOB that H2's
-- PostgreSQL mode does not take). Only one row may hold the 'current'
-- slot (NULLs do not clash in a unique constraint), so two instances starting at once cannot both
-- store a key: the second insert does nothing and both read the first one's key. A later key rotation
-- can keep retired keys with slot NULL, to verify the tokens they signed until those expire.
CREATE TABLE signing_keys (
    kid         VARCHAR(255)             NOT NULL,
    slot        VARCHAR(16),
    private_key VARCHAR(8192)            NOT NULL,
    public_key  VARCHAR(8192)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signing_keys_pk PRIMARY KEY (kid),
    CONSTRAINT signing_keys_slot_uk UNIQUE (slot),
    CONSTRAINT signing_keys_slot_ck CHECK (slot = 'current')
);

-- The admin listing pages through all users oldest first, ties broken by id.
CREATE INDEX users_created_ix ON users (created_at, id);
