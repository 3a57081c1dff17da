namespace GradeLens.Core.Storage;

/// <summary>
/// A page's narrowing of the caller's students to one school, one class (teaching group) and one year group, each
/// optional; applied with the scope in SQL (<see cref="ScopeSql.StudentCondition"/>) and part of an answer's key.
/// </summary>
/// <param name="School">Students of this school (students.school).</param>
/// <param name="Class">Students whose class attribute (<see cref="Scope.ClassAttributes"/>) has this value, within the school when one is named.</param>
/// <param name="YearGroup">Students of this year group (students.grade_level).</param>
public sealed record StudentFilter(string? School = null, string? Class = null, string? YearGroup = null)
{
    public bool IsEmpty => School is null && Class is null && YearGroup is null;

    /// <summary>"North School, class 10X, year 10", for a page's heading and a report.</summary>
    public override string ToString() => string.Join(", ", new[]
    {
        School, Class is null ? null : $"class {Class}", YearGroup is null ? null : $"year group {YearGroup}",
    }.OfType<string>());
}
