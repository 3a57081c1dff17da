namespace GradeLens.Core.Tracking;

/// <summary>A student attribute that can narrow the Tracking views (teaching group, gender, school...), with its values.</summary>
/// <param name="Attribute">The name a <see cref="TrackingFilter"/> takes: school, region, grade_level, gender or an imported attribute.</param>
public sealed record TrackingGroup(string Attribute, IReadOnlyList<TrackingGroupValue> Values);

/// <summary>One value of an attribute and how many of the subject's students have it.</summary>
public sealed record TrackingGroupValue(string Value, long Students);

/// <summary>A subject the Tracking page can draw: whole-subject results (not only domains), in how many series, for how many students.</summary>
/// <param name="Series">Series with results, the baseline not counted.</param>
/// <param name="Baselines">Students with a baseline (expected grade) in the subject; null when suppressed (fewer than an aggregates-only caller's minimum).</param>
public sealed record TrackingSubject(string Subject, int Series, long Students, long? Baselines);
