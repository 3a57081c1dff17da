// The feature namespaces every store test reads through (each feature's reads are extensions of IGradeStore).
global using GradeLens.Core.Clusters;
global using GradeLens.Core.Gaps;
global using GradeLens.Core.Import;
global using GradeLens.Core.Models;
global using GradeLens.Core.Quality;
global using GradeLens.Core.Risk;
global using GradeLens.Core.Storage;
global using GradeLens.Core.Students;
global using GradeLens.Core.Tracking;
