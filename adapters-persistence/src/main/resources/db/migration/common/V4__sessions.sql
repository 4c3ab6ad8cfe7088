-- Sessions of the service's own accounts (contract §2) and their rotating refresh tokens, kept only as
-- SHA-256 hashes (hex). A spent token stays (spent_at set) so that its reuse is recognised and revokes
-- the session; tokens go with their session.
CREATE TABLE sessions (
    id           VARCHAR(36)              NOT NULL,
    user_id      VARCHAR(255)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent   VARCHAR(2048),
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_ix ON sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64)              NOT NULL,
    session_id VARCHAR(36)              NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT refresh_tokens_session_fk FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_session_ix ON refresh_tokens (session_id);
