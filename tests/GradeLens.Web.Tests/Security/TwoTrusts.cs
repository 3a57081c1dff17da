using System.Globalization;
using System.Text;
using GradeLens.Core.Accounts;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// Two organisations in one store, with one user per role. Student ids carry their school ("north-007", "south-012",
/// "zed-003") so a test can tell from any answer whose rows it holds: trust-a has North (classes 10X and 10Y) and South
/// (classes 10Y and 11Z: its own 10Y, so a class named without its school would reach both), trust-zed has Zed. Even ids
/// are in 10Y. Every password is <see cref="Password"/>.
/// </summary>
public static class TwoTrusts
{
    public const string Password = "a long test password";
    public const string StudentInNorth10Y = "north-002";

    /// <summary>The users, each with what they must never see.</summary>
    public static IReadOnlyList<RoleCase> Users { get; } =
    [
        new("admin", Role.Admin, null, [], [], Sees: ["north-", "south-", "zed-"], Never: []),
        new("lena", Role.Leader, "trust-a", [], [], Sees: ["north-", "south-"], Never: ["zed-", "Zed School"]),
        new("tom", Role.Teacher, "trust-a", ["North School"], [], Sees: ["north-"], Never: ["south-", "zed-", "South School", "Zed School"]),
        new("cara", Role.Teacher, "trust-a", [], [new("North School", "10Y")], Sees: ["north-"], Never: ["south-", "zed-", "South School", "Zed School", "north-001", "north-003"]),
        new("sam", Role.Teacher, "trust-a", [], [new("South School", "10Y")], Sees: ["south-"], Never: ["north-", "zed-", "North School", "Zed School", "south-001", "south-003"]),
        new("ann", Role.Analyst, "trust-a", [], [], Sees: [], Never: ["north-", "south-", "zed-", "Zed School"]),
    ];

    /// <param name="signInAttemptsPerMinute">High for tests that sign in many users from the one test-server address.</param>
    public static async Task<GradeLensApplication> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null, int signInAttemptsPerMinute = 1000)
    {
        var app = await GradeLensApplication.StartAsync(automaticSignIn: false, configure: configure, signInAttemptsPerMinute: signInAttemptsPerMinute);
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        var folder = Directory.CreateTempSubdirectory("gradelens-trusts-");
        try
        {
            await ImportAsync(store, folder, "trust-a", [("north", "North School"), ("south", "South School")]);
            await ImportAsync(store, folder, "trust-zed", [("zed", "Zed School")]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var accounts = new AccountService(store.Accounts);
        foreach (var user in Users)
        {
            var problem = await accounts.AddUserAsync(new NewUser(user.Name, user.Role, user.Organisation, user.Schools, user.Classes), Password);
            Assert.Null(problem);
        }

        return app;
    }

    private static async Task ImportAsync(IGradeStore store, DirectoryInfo folder, string organisation, (string Prefix, string School)[] schools)
    {
        var random = new Random(organisation.Length);
        var text = new StringBuilder("student_id,school,teaching_group,gender,subject,series,date,grade\n");
        foreach (var (prefix, school) in schools)
        {
            for (var i = 1; i <= 120; i++)
            {
                var id = $"{prefix}-{i:D3}";
                var group = prefix == "zed" ? "11Z" : i % 2 == 0 ? "10Y" : prefix == "north" ? "10X" : "11Z";
                var gender = i % 2 == 0 ? "F" : "M";
                foreach (var subject in new[] { "Maths", "English" })
                {
                    var ability = 2 + random.Next(7);
                    foreach (var (series, date) in new[] { ("Baseline", "2025-09-10"), ("Mock 1", "2025-12-01"), ("Final", "2026-06-20") })
                    {
                        var grade = Math.Clamp(ability + random.Next(-2, 3), 1, 9);
                        text.Append(CultureInfo.InvariantCulture, $"{id},{school},{group},{gender},{subject},{series},{date},{grade}\n");
                    }
                }
            }
        }

        var path = Path.Combine(folder.FullName, organisation + ".csv");
        await File.WriteAllTextAsync(path, text.ToString());
        var report = await store.ImportAsync(new ImportRequest([path], Mapping, Organisation: organisation));
        Assert.True(report.Succeeded, report.Message);
    }

    private static ImportMapping Mapping { get; } = new()
    {
        BaselineSeries = ["Baseline"],
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "school", Role = ColumnRole.School },
            new() { Header = "teaching_group", Role = ColumnRole.Attribute },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "series", Role = ColumnRole.Series },
            new() { Header = "date", Role = ColumnRole.Date },
            new() { Header = "grade", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
        ],
    };
}

/// <param name="Sees">Markers at least one of the user's student-level answers must contain.</param>
/// <param name="Never">Markers no answer to the user may contain.</param>
public sealed record RoleCase(string Name, Role Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<ClassScope> Classes,
    IReadOnlyList<string> Sees, IReadOnlyList<string> Never)
{
    public override string ToString() => $"{Name} ({Role})";
}
