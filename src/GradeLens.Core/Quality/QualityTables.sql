-- The higher-education quality tables (issue 13), one text for DuckDB and PostgreSQL. Every row carries its
-- organisation; an import replaces one organisation's rows in one transaction (QualityWriter). No primary keys:
-- the import checks uniqueness and orphans before writing, and bulk writes are several times faster without them.
-- Identifiers are text ("42", "42.0" and 42 are stored as "42"); marks are 0..100; dates are dates.

CREATE TABLE he_programmes (
    organisation  VARCHAR NOT NULL,
    programme_id  VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    faculty       VARCHAR
);

CREATE TABLE he_modules (
    organisation  VARCHAR NOT NULL,
    module_id     VARCHAR NOT NULL,
    programme_id  VARCHAR NOT NULL,
    title         VARCHAR NOT NULL,
    term          VARCHAR NOT NULL
);

CREATE TABLE he_enrolments (
    organisation  VARCHAR NOT NULL,
    student_id    VARCHAR NOT NULL,
    module_id     VARCHAR NOT NULL
);

-- weight: the assessment's share of the module mark on any scale (0..1 or percentages); NULL when not given.
CREATE TABLE he_assessments (
    organisation   VARCHAR NOT NULL,
    assessment_id  VARCHAR NOT NULL,
    module_id      VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    due_on         DATE    NOT NULL,
    returned_on    DATE,
    weight         DOUBLE PRECISION
);

-- mark NULL: not submitted.
CREATE TABLE he_grades (
    organisation   VARCHAR NOT NULL,
    student_id     VARCHAR NOT NULL,
    assessment_id  VARCHAR NOT NULL,
    submitted_on   DATE,
    mark           DOUBLE PRECISION
);

-- One row per answer (score 1..5); student_id NULL for an anonymous survey.
CREATE TABLE he_survey_answers (
    organisation  VARCHAR NOT NULL,
    student_id    VARCHAR,
    module_id     VARCHAR NOT NULL,
    question      VARCHAR NOT NULL,
    theme         VARCHAR,
    score         INTEGER NOT NULL
);

-- One row per module and theme, as survey tools export them: % positive cannot be computed from these.
CREATE TABLE he_survey_summaries (
    organisation  VARCHAR NOT NULL,
    module_id     VARCHAR NOT NULL,
    theme         VARCHAR NOT NULL,
    mean_score    DOUBLE PRECISION NOT NULL,
    responses     INTEGER NOT NULL,
    invited       INTEGER
);

-- One row per visit (visits = 1, visited_on set) or a count per student, term and service (visited_on NULL).
-- term NULL: the module's term.
CREATE TABLE he_support_visits (
    organisation  VARCHAR NOT NULL,
    student_id    VARCHAR NOT NULL,
    module_id     VARCHAR,
    visited_on    DATE,
    term          VARCHAR,
    service       VARCHAR,
    visits        INTEGER NOT NULL
);

CREATE TABLE he_complaints (
    organisation  VARCHAR NOT NULL,
    complaint_id  VARCHAR,
    student_id    VARCHAR,
    category      VARCHAR NOT NULL,
    submitted_on  DATE    NOT NULL,
    resolved_on   DATE,
    upheld        BOOLEAN
);

CREATE TABLE he_placements (
    organisation  VARCHAR NOT NULL,
    student_id    VARCHAR NOT NULL,
    partner       VARCHAR NOT NULL,
    start_on      DATE,
    end_on        DATE,
    outcome       VARCHAR
);

CREATE TABLE he_admissions (
    organisation    VARCHAR NOT NULL,
    application_id  VARCHAR,
    student_id      VARCHAR,
    route           VARCHAR,
    offer_status    VARCHAR NOT NULL,
    decided_on      DATE
);

-- Derived by the writer from he_grades and he_assessments, in the same transaction (never imported): per student and
-- module, the sums every mark rule needs, so a pass rate reads one row per module result instead of every grade.
CREATE TABLE he_module_marks (
    organisation   VARCHAR NOT NULL,
    module_id      VARCHAR NOT NULL,
    student_id     VARCHAR NOT NULL,
    marks          INTEGER NOT NULL,
    mark_sum       DOUBLE PRECISION NOT NULL,
    weighted_sum   DOUBLE PRECISION,
    marked_weight  DOUBLE PRECISION
);
