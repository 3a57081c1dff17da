-- Schema upgrade step 4 -> 5 (StoreSchema.Upgrades): the import's second generation (issues 15, 17, 18), the same
-- changes Schema.sql has. One text for DuckDB and PostgreSQL (PostgreSQL spells DOUBLE and VARCHAR as PostgresSchema
-- translates them); a line '-- @postgres SQL' runs on PostgreSQL only (its indexes, as PostgresIndexes.sql has them).

-- An assessment's weight in its module, when an assessments table gives one (related tables).
ALTER TABLE assessments ADD COLUMN weight DOUBLE;

-- Attributes kept per enrolment (a student in a course, module or presentation).
CREATE TABLE enrolment_attributes (
    student_key  BIGINT  NOT NULL,
    enrolment    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    value        VARCHAR NOT NULL
);

-- Every import, by its id (gradelens import undo ID): who, when, what it wrote; undone_at once it was taken back.
CREATE TABLE imports (
    import_id     BIGINT    NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    organisation  VARCHAR   NOT NULL,
    files         VARCHAR   NOT NULL,
    cohort        VARCHAR,
    imported_by   VARCHAR   NOT NULL,
    summary       VARCHAR   NOT NULL,
    undone_at     TIMESTAMP,
    undone_by     VARCHAR
);

-- What each import added (added = true: an undo deletes it) and the old value of what it changed (an undo restores
-- it). kind: assessment, student, result, attribute, enrolment_attribute, baseline, area, area_measure, area_score.
-- Rows of a student or an assessment the import added are not listed one by one: they go with it.
CREATE TABLE import_changes (
    import_id       BIGINT  NOT NULL,
    kind            VARCHAR NOT NULL,
    added           BOOLEAN NOT NULL,
    student_key     BIGINT,
    assessment_key  INTEGER,
    area_key        INTEGER,
    item            VARCHAR,   -- a student column, an attribute, a subject or a measure
    detail          VARCHAR,   -- an enrolment, or an area score's grade
    year            INTEGER,
    old_number      DOUBLE,
    old_text        VARCHAR,
    old_extra       VARCHAR
);

-- @postgres CREATE UNIQUE INDEX enrolment_attributes_key ON enrolment_attributes (student_key, enrolment, name);
-- @postgres CREATE UNIQUE INDEX imports_key ON imports (import_id);
-- @postgres CREATE INDEX import_changes_import ON import_changes (import_id, kind);
