-- Key rotation (contract §2): a retired key gives up the 'current' slot and records when, so that it
-- stays in the JWKS for AUTH_KEY_GRACE and is deleted after.
ALTER TABLE signing_keys ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX signing_keys_retired_ix ON signing_keys (retired_at);
