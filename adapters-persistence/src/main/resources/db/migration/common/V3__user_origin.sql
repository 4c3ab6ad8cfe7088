-- Which identity sources may vouch for a user (contract §2, trust boundaries): 'own' accounts are made
-- by sign-up and vouched for only by the service's own key; 'external' users are provisioned from a
-- frontend's tokens and never by the service's own key. Existing users with a credential are own.
ALTER TABLE users ADD COLUMN origin VARCHAR(16) DEFAULT 'external' NOT NULL;
UPDATE users SET origin = 'own' WHERE id IN (SELECT user_id FROM credentials);
ALTER TABLE users ADD CONSTRAINT users_origin_ck CHECK (origin IN ('own', 'external'));
