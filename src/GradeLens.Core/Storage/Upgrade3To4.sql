-- Schema upgrade step 3 -> 4 (StoreSchema.Upgrades): a university's own quality tables (issue 13). The version-3 he_*
-- tables (only the demo filled them) are renamed aside, the new ones created as Quality/QualityTables.sql has them,
-- their rows copied across (a survey answer had no theme; a visit counted once), the per-student module sums derived
-- as the writer derives them, and the old tables dropped. One text for DuckDB and PostgreSQL.

ALTER TABLE he_programmes RENAME TO he_programmes_v3;
ALTER TABLE he_modules RENAME TO he_modules_v3;
ALTER TABLE he_enrolments RENAME TO he_enrolments_v3;
ALTER TABLE he_assessments RENAME TO he_assessments_v3;
ALTER TABLE he_grades RENAME TO he_grades_v3;
ALTER TABLE he_surveys RENAME TO he_surveys_v3;
ALTER TABLE he_support_visits RENAME TO he_support_visits_v3;

-- @include Quality/QualityTables.sql

INSERT INTO he_programmes SELECT organisation, programme_id, name, faculty FROM he_programmes_v3;
INSERT INTO he_modules SELECT organisation, module_id, programme_id, title, term FROM he_modules_v3;
INSERT INTO he_enrolments SELECT organisation, student_id, module_id FROM he_enrolments_v3;
INSERT INTO he_assessments SELECT organisation, assessment_id, module_id, title, due_on, returned_on, weight FROM he_assessments_v3;
INSERT INTO he_grades SELECT organisation, student_id, assessment_id, submitted_on, grade FROM he_grades_v3;
INSERT INTO he_survey_answers (organisation, student_id, module_id, question, score)
SELECT organisation, student_id, module_id, question, score FROM he_surveys_v3;
INSERT INTO he_support_visits (organisation, student_id, module_id, visited_on, visits)
SELECT organisation, student_id, module_id, visited_on, 1 FROM he_support_visits_v3;
INSERT INTO he_module_marks (organisation, module_id, student_id, marks, mark_sum, weighted_sum, marked_weight)
SELECT g.organisation, a.module_id, g.student_id, count(*), sum(g.mark), sum(a.weight * g.mark), sum(a.weight)
FROM he_grades g JOIN he_assessments a ON a.organisation = g.organisation AND a.assessment_id = g.assessment_id
WHERE g.mark IS NOT NULL
GROUP BY g.organisation, a.module_id, g.student_id;

DROP TABLE he_programmes_v3;
DROP TABLE he_modules_v3;
DROP TABLE he_enrolments_v3;
DROP TABLE he_assessments_v3;
DROP TABLE he_grades_v3;
DROP TABLE he_surveys_v3;
DROP TABLE he_support_visits_v3;
