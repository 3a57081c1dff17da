-- Schema upgrade step 2 -> 3 (StoreSchema.Upgrades): sessions that end, keys that expire and can be revoked one by one,
-- lock-out per account and address, classes scoped within their school. Columns are appended in Accounts.sql's order.
-- One text for DuckDB and PostgreSQL (VARCHAR and DOUBLE are translated for PostgreSQL in column definitions only, so
-- casts below say TEXT).

-- Every account gets a random security stamp; a version-2 cookie carries none, so every session signs in again.
ALTER TABLE users ADD COLUMN security_stamp VARCHAR;
UPDATE users SET security_stamp = CAST(gen_random_uuid() AS TEXT);
ALTER TABLE users ALTER COLUMN security_stamp SET NOT NULL;
ALTER TABLE users ADD COLUMN last_failed_at TIMESTAMP;

-- A class is named with its school. A version-2 class row has none: it reaches nobody until an admin names its school
-- (gradelens user change), never every school's class of that name.
ALTER TABLE user_scopes ADD COLUMN school VARCHAR;

-- Keys get a public id (from their hash, as new keys do), and expire 90 days after the upgrade unless revoked sooner.
ALTER TABLE api_keys ADD COLUMN key_id VARCHAR;
UPDATE api_keys SET key_id = substr(key_hash, 1, 12);
ALTER TABLE api_keys ALTER COLUMN key_id SET NOT NULL;
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP;
UPDATE api_keys SET expires_at = CAST(current_timestamp AS TIMESTAMP) + INTERVAL '90 days';
ALTER TABLE api_keys ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN revoked_reason VARCHAR;

CREATE TABLE user_sessions (
    session_id      VARCHAR   NOT NULL,
    user_name       VARCHAR   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    remote_address  VARCHAR   NOT NULL
);

CREATE TABLE sign_in_failures (
    user_name        VARCHAR   NOT NULL,
    remote_address   VARCHAR   NOT NULL,
    failed_attempts  INTEGER   NOT NULL,
    locked_until     TIMESTAMP
);
