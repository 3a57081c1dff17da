-- Schema upgrade step 1 -> 2 (StoreSchema.Upgrades): the accounts tables as version 2 made them, empty. Never edit a step
-- once released: a store of version 1 anywhere must upgrade to exactly what version 2 was. Later steps change these tables.
-- Who may sign in, with which role and over which organisation, schools and classes.
CREATE TABLE users (
    user_name        VARCHAR   NOT NULL,
    role             VARCHAR   NOT NULL,
    organisation     VARCHAR,
    password_hash    VARCHAR   NOT NULL,
    failed_attempts  INTEGER   NOT NULL,
    locked_until     TIMESTAMP,
    created_at       TIMESTAMP NOT NULL
);

-- The schools ('school') and classes ('class') a teacher is named for.
CREATE TABLE user_scopes (
    user_name  VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL
);

-- API keys: only a SHA-256 of the key is kept; the key itself is shown once.
CREATE TABLE api_keys (
    key_hash    VARCHAR   NOT NULL,
    user_name   VARCHAR   NOT NULL,
    label       VARCHAR   NOT NULL,
    created_at  TIMESTAMP NOT NULL
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
