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

-- @include ImportHistory.sql

-- @postgres CREATE UNIQUE INDEX enrolment_attributes_key ON enrolment_attributes (student_key, enrolment, name);
-- @postgres CREATE UNIQUE INDEX imports_key ON imports (import_id);
-- @postgres CREATE INDEX import_changes_import ON import_changes (import_id, kind);
