-- The import's second generation (issues 15, 17, 18): the same changes Schema.sql has, as an upgrade of an existing
-- store. Valid on DuckDB and PostgreSQL (PostgreSQL spells DOUBLE and VARCHAR as PostgresSchema translates them); the
-- PostgreSQL indexes follow, in PostgresIndexes.sql's terms.

-- An assessment's weight in its module, when an assessments table gives one (related tables).
ALTER TABLE assessments ADD COLUMN weight DOUBLE;

-- Attributes kept per enrolment (a student in a course, module or presentation).
CREATE TABLE enrolment_attributes (
    student_key  BIGINT  NOT NULL,
    enrolment    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    value        VARCHAR NOT NULL
);
