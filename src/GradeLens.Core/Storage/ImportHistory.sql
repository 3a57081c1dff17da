-- The import history (issue 17.4), created by Schema.sql and by upgrade step 4 -> 5 from this one text.

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
