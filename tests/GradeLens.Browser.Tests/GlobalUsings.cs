// The feature namespaces the tests read through (each feature's reads are extensions of IGradeStore).
global using GradeLens.Core.Gaps;
global using GradeLens.Core.Import;
global using GradeLens.Core.Quality;
global using GradeLens.Core.Storage;
global using GradeLens.Core.Tracking;
