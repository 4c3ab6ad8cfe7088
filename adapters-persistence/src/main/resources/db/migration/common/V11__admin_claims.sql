-- The ADMIN_EMAILS addresses that have redeemed a start-up token (docs/authentication.md, "Admins"). Each instance
-- prints tokens of its own; this row makes the first redemption the only one, on every instance: a demoted admin
-- cannot promote themself again with another instance's token.
CREATE TABLE admin_claims (
    email      VARCHAR(1020)            NOT NULL,
    user_id    VARCHAR(255)             NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_claims_pk PRIMARY KEY (email),
    CONSTRAINT admin_claims_email_lower_ck CHECK (email = LOWER(email))
);
