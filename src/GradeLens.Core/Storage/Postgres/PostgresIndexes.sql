-- PostgreSQL only: the natural keys the import upserts on (they also make re-imports idempotent by construction)
-- and the lookups the reads make per student. DuckDB keeps none of these (see Schema.sql).
CREATE UNIQUE INDEX students_key ON students (student_key);
CREATE UNIQUE INDEX students_natural ON students (organisation, student_id);
CREATE INDEX students_id ON students (student_id);
CREATE UNIQUE INDEX student_attributes_key ON student_attributes (student_key, name);
CREATE UNIQUE INDEX enrolment_attributes_key ON enrolment_attributes (student_key, enrolment, name);
CREATE UNIQUE INDEX assessments_key ON assessments (assessment_key);
CREATE UNIQUE INDEX assessments_natural ON assessments (organisation, series, subject, domain);
CREATE UNIQUE INDEX results_key ON results (student_key, assessment_key);
CREATE INDEX results_assessment ON results (assessment_key);
CREATE UNIQUE INDEX baselines_key ON baselines (student_key, subject);
CREATE UNIQUE INDEX areas_key ON areas (area_key);
CREATE UNIQUE INDEX areas_natural ON areas (organisation, level, name, parent);
CREATE UNIQUE INDEX area_measures_key ON area_measures (area_key, year, measure);
CREATE UNIQUE INDEX area_scores_key ON area_scores (area_key, year, subject, grade_level);
CREATE UNIQUE INDEX imports_key ON imports (import_id);
CREATE INDEX import_changes_import ON import_changes (import_id, kind);
