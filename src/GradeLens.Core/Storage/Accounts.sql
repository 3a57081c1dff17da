-- GradeLens store, the accounts tables as of schema version 3 (a new store runs this; an older one gets here through the
-- Upgrade*.sql steps). A column a later version adds goes at the END of its table, in the order its upgrade step adds it
-- (ALTER TABLE ... ADD COLUMN appends): a new store and an upgraded one then have the same columns in the same order, and
-- their backups restore into each other (a backup's checksum hashes whole rows). A test compares the two. A column a
-- version adds to a table that may hold rows is nullable even when always written: DuckDB cannot make a column NOT NULL in
-- the transaction that filled it in.

-- Who may sign in, with which role and over which organisation, schools and classes.
CREATE TABLE users (
    user_name        VARCHAR   NOT NULL,
    role             VARCHAR   NOT NULL,
    organisation     VARCHAR,
    password_hash    VARCHAR   NOT NULL,
    failed_attempts  INTEGER   NOT NULL,   -- wrong passwords from any address since the last success: many slow sign-in down
    locked_until     TIMESTAMP,            -- an admin's lock: no sign-in before then (since version 3; before, the automatic one)
    created_at       TIMESTAMP NOT NULL,
    security_stamp   VARCHAR,              -- v3: a new random value ends every session (password set, lock, role or scope change)
    last_failed_at   TIMESTAMP             -- v3: the latest wrong password from any address
);

-- The schools ('school': value is the school) and classes ('class': value is the class, school its school) a teacher is
-- named for. A class row from version 2 has no school and reaches nobody until an admin names its school.
CREATE TABLE user_scopes (
    user_name  VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,
    school     VARCHAR                     -- v3
);

-- API keys: only a SHA-256 of the key is kept; the key itself is shown once.
CREATE TABLE api_keys (
    key_hash        VARCHAR   NOT NULL,
    user_name       VARCHAR   NOT NULL,
    label           VARCHAR   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    key_id          VARCHAR,               -- v3: the key's public name (the first 12 hex digits of its hash), to list and revoke it
    expires_at      TIMESTAMP,             -- v3
    last_used_at    TIMESTAMP,             -- v3: to the minute
    revoked_at      TIMESTAMP,             -- v3
    revoked_reason  VARCHAR                -- v3: "revoked by ...", "password set", "account locked", "signed out everywhere"
);

-- Who signed in, imported, exported or changed users; when; from where. Never a student's data.
CREATE TABLE audit_log (
    happened_at     TIMESTAMP NOT NULL,
    user_name       VARCHAR   NOT NULL,
    action          VARCHAR   NOT NULL,
    detail          VARCHAR   NOT NULL,
    remote_address  VARCHAR   NOT NULL
);

-- The secret behind each organisation's pseudonyms (a keyed hash of a student id): stable across runs and servers.
CREATE TABLE pseudonym_keys (
    organisation  VARCHAR NOT NULL,
    secret        VARCHAR NOT NULL
);

-- v3: every signed-in browser session; the cookie names its row. Signing out deletes the row, so a replayed cookie is refused.
CREATE TABLE user_sessions (
    session_id      VARCHAR   NOT NULL,
    user_name       VARCHAR   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    remote_address  VARCHAR   NOT NULL
);

-- v3: wrong passwords per account AND address: five in a row lock that address out of that account for a while.
CREATE TABLE sign_in_failures (
    user_name        VARCHAR   NOT NULL,
    remote_address   VARCHAR   NOT NULL,
    failed_attempts  INTEGER   NOT NULL,
    locked_until     TIMESTAMP
);
