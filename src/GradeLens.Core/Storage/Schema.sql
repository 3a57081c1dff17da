-- GradeLens store (its schema version is StoreSchema.Version): these data tables, then the accounts tables (Accounts.sql).
-- A new store runs both; an older store is brought to the current version by the ordered upgrade steps beside this file
-- (Upgrade1To2.sql, Upgrade2To3.sql, ...: StoreSchema.Upgrades), in one transaction when it is opened.
-- Tidy (long) form. Keys are enforced by the import (staged, de-duplicated, upserted in one
-- transaction) rather than by indexes: DuckDB's ART indexes make bulk loads several times slower.

CREATE TABLE schema_info (
    version     INTEGER   NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

-- One row per student. student_key is derived from (organisation, student_id) by the import.
CREATE TABLE students (
    student_key   BIGINT  NOT NULL,
    organisation  VARCHAR NOT NULL,
    student_id    VARCHAR NOT NULL,
    id_generated  BOOLEAN NOT NULL,
    school        VARCHAR,
    region        VARCHAR,
    grade_level   VARCHAR,
    gender        VARCHAR
);

-- Any other categorical attribute (lunch, ethnicity, SEN, parental education...): every one can group a gap.
CREATE TABLE student_attributes (
    student_key  BIGINT  NOT NULL,
    name         VARCHAR NOT NULL,
    value        VARCHAR NOT NULL
);

-- Attributes kept per enrolment (a student in a course, module or presentation) when they vary between a student's
-- enrolments; enrolment names the enrolment by its key's values ('Maths / 2014J').
CREATE TABLE enrolment_attributes (
    student_key  BIGINT  NOT NULL,
    enrolment    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    value        VARCHAR NOT NULL
);

-- One row per organisation x series x subject x domain ('' = the whole subject).
CREATE TABLE assessments (
    assessment_key  INTEGER NOT NULL,
    organisation    VARCHAR NOT NULL,
    series          VARCHAR NOT NULL,
    series_order    INTEGER NOT NULL,
    subject         VARCHAR NOT NULL,
    domain          VARCHAR NOT NULL,
    taken_on        DATE,
    scale           VARCHAR NOT NULL,
    max_score       DOUBLE  NOT NULL,
    proficiency     DOUBLE  NOT NULL,
    weight          DOUBLE              -- the assessment's weight in its module, when an assessments table gives one
);

-- Student x assessment -> score (and the grade label where the scale has one, e.g. 'U', 'A*').
CREATE TABLE results (
    student_key     BIGINT  NOT NULL,
    assessment_key  INTEGER NOT NULL,
    score           DOUBLE  NOT NULL,
    grade           VARCHAR
);

-- Student x subject -> expected grade (YELLIS / FFT-style target).
CREATE TABLE baselines (
    student_key  BIGINT  NOT NULL,
    subject      VARCHAR NOT NULL,
    expected     DOUBLE  NOT NULL,
    scale        VARCHAR NOT NULL,
    source       VARCHAR NOT NULL
);

-- Areas (state, county, zip...). parent names the enclosing area ('Alabama', 'Suffolk County, New York').
CREATE TABLE areas (
    area_key      INTEGER NOT NULL,
    organisation  VARCHAR NOT NULL,
    level         VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    parent        VARCHAR NOT NULL,
    code          VARCHAR
);

CREATE TABLE area_measures (
    area_key  INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    measure   VARCHAR NOT NULL,
    value     DOUBLE  NOT NULL,
    source    VARCHAR NOT NULL
);

CREATE TABLE area_scores (
    area_key     INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    grade_level  VARCHAR NOT NULL,
    subject      VARCHAR NOT NULL,
    score        DOUBLE  NOT NULL
);

-- The higher-education quality tables are in Quality/QualityTables.sql (StoreSchema.CreateSql adds them).

-- Every import (and later every export), for the audit trail.
CREATE TABLE import_log (
    imported_at   TIMESTAMP NOT NULL,
    organisation  VARCHAR   NOT NULL,
    file          VARCHAR   NOT NULL,
    sha256        VARCHAR   NOT NULL,
    rows_read     BIGINT    NOT NULL,
    rows_rejected BIGINT    NOT NULL,
    summary       VARCHAR   NOT NULL
);


-- @include ImportHistory.sql
