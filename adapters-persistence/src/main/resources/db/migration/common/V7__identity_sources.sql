-- The external sources are told apart (docs/authentication.md, trust boundaries): a user provisioned from a
-- shared-secret token is 'shared-secret', one from Better Auth (its JWKS or its sessions) 'better-auth', and
-- neither source speaks for the other's users. Rows provisioned before stay 'external': any external source
-- still vouches for those, as it did.
ALTER TABLE users DROP CONSTRAINT users_origin_ck;
ALTER TABLE users ADD CONSTRAINT users_origin_ck CHECK (origin IN ('own', 'external', 'shared-secret', 'better-auth'));
