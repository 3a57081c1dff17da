using GradeLens.Core.Filters;
using GradeLens.Core.Storage;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace GradeLens.Web.Filters;

/// <summary>
/// The filters users expect (a school, a class or teaching group, a year group) on the pages that take them: one
/// endpoint filter reads <c>school</c>, <c>class</c> and <c>yearGroup</c> from the query, refuses a value the caller's
/// students do not have (400 naming the field), and narrows the caller's scope for the endpoint (<see cref="UserPrincipal.Scope"/>).
/// An aggregates-only caller gets no filters: nested narrowings are how a suppressed cell is recovered by subtraction
/// (decision 0008), so their views stay whole and compare schools and year groups through suppression-checked cells.
/// </summary>
public static class StudentFilterEndpoints
{
    public static readonly string[] Parameters = ["school", "class", "yearGroup"];

    internal const string NarrowedScope = "gradelens.narrowed-scope";

    public static IEndpointRouteBuilder MapStudentFilterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/filters", GetChoicesAsync).WithName("GetStudentFilters").WithTags("Overview").WithStandardProblems()
            .WithSummary("The schools, classes and year groups a page can be narrowed to, with their students (none for an aggregates-only caller)");
        return app;
    }

    /// <summary>The choices; an aggregates-only caller gets empty lists and the reason.</summary>
    public static async Task<Ok<FilterMenu>> GetChoicesAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken)
    {
        var scope = context.Scope();
        if (scope.AggregatesOnly)
        {
            return TypedResults.Ok(new FilterMenu(new StudentFilterChoices([], [], []), AnalystNote));
        }

        return TypedResults.Ok(new FilterMenu(await store.GetStudentFilterChoicesAsync(scope, cancellationToken), null));
    }

    /// <summary>Lets the endpoints of <paramref name="builder"/> take the filters (documented as three query parameters).</summary>
    public static TBuilder WithStudentFilters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var query = context.Request.Query;
            var filter = new StudentFilter(Value(query["school"]), Value(query["class"]), Value(query["yearGroup"]));
            if (filter.IsEmpty)
            {
                return await next(invocation);
            }

            var scope = context.Scope();
            if (scope.AggregatesOnly)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [filter.School is not null ? "school" : filter.Class is not null ? "class" : "yearGroup"] = [AnalystNote] });
            }

            var store = context.RequestServices.GetRequiredService<IGradeStore>();
            var choices = await store.GetStudentFilterChoicesAsync(scope, context.RequestAborted);
            if (choices.Refusal(filter) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
            }

            context.Items[NarrowedScope] = scope.Narrowed(filter);
            return await next(invocation);
        });
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in Descriptions)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Query, Required = false, Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    private const string AnalystNote =
        "Filters are for those who may see students' rows: an analyst's views stay whole, and compare schools and year groups through the Gaps and Equity cells, each checked for its size.";

    private static readonly (string Name, string Description)[] Descriptions =
    [
        ("school", "Only the students of this school (one of GET /api/filters' schools)."),
        ("class", "Only the students of this class or teaching group (within the school, when one is given)."),
        ("yearGroup", "Only the students of this year group."),
    ];

    private static string? Value(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 || string.IsNullOrWhiteSpace(values[^1]) ? null : values[^1]!.Trim();
}

/// <summary>GET /api/filters: the choices, and why there are none for an aggregates-only caller.</summary>
public sealed record FilterMenu(StudentFilterChoices Choices, string? Note);
