-- Schema upgrade step 2 -> 3 (StoreSchema.Upgrades): sessions that end, keys that expire and can be revoked one by one,
-- lock-out per account and address, classes scoped within their school. Columns are appended in Accounts.sql's order.
-- One text for DuckDB and PostgreSQL (VARCHAR and DOUBLE are translated for PostgreSQL in column definitions only, so
-- casts below say TEXT). The new columns stay nullable: DuckDB cannot set NOT NULL in the transaction that filled them in.

-- The new columns first (DuckDB alters no table it has updated in the same transaction), then their values.
ALTER TABLE users ADD COLUMN security_stamp VARCHAR;
ALTER TABLE users ADD COLUMN last_failed_at TIMESTAMP;
ALTER TABLE user_scopes ADD COLUMN school VARCHAR;
ALTER TABLE api_keys ADD COLUMN key_id VARCHAR;
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN last_used_at TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN revoked_reason VARCHAR;

-- Every account gets a random security stamp; a version-2 cookie carries none, so every session signs in again.
UPDATE users SET security_stamp = CAST(gen_random_uuid() AS TEXT);

-- A class is named with its school. A version-2 class row has none (school stays NULL): it reaches nobody until an admin
-- names its school (gradelens user change), never every school's class of that name.

-- Keys get a public id (from their hash, as new keys do), and expire 90 days after the upgrade unless revoked sooner.
UPDATE api_keys SET key_id = substr(key_hash, 1, 12), expires_at = CAST(current_timestamp AS TIMESTAMP) + INTERVAL '90 days';

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
