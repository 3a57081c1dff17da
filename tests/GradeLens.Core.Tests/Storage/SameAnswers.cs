using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// Asserts two stores' answers are the same: both written as JSON (matrices as their rows), compared node by node,
/// numbers within a relative 1e-9 (PostgreSQL and DuckDB sum floating point in different orders).
/// </summary>
internal static class SameAnswers
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(), new MatrixAsRows() },
    };

    public static void Equal<T>(T expected, T actual, string what)
    {
        var left = JsonSerializer.SerializeToNode(expected, Json);
        var right = JsonSerializer.SerializeToNode(actual, Json);
        Compare(left, right, what);
    }

    private static void Compare(JsonNode? left, JsonNode? right, string path)
    {
        switch (left)
        {
            case null:
                Assert.True(right is null, $"{path}: expected null, got {right?.ToJsonString()}");
                return;
            case JsonObject leftObject:
                var rightObject = Assert.IsType<JsonObject>(right);
                Assert.Equal(leftObject.Select(p => p.Key), rightObject.Select(p => p.Key));
                foreach (var (key, value) in leftObject)
                {
                    Compare(value, rightObject[key], $"{path}.{key}");
                }

                return;
            case JsonArray leftArray:
                var rightArray = Assert.IsType<JsonArray>(right);
                Assert.True(leftArray.Count == rightArray.Count, $"{path}: {leftArray.Count} items, got {rightArray.Count}");
                for (var i = 0; i < leftArray.Count; i++)
                {
                    Compare(leftArray[i], rightArray[i], $"{path}[{i}]");
                }

                return;
            default:
                var leftValue = left.AsValue();
                Assert.NotNull(right);
                if (leftValue.TryGetValue<double>(out var number) && right.AsValue().TryGetValue<double>(out var other))
                {
                    Assert.True(Math.Abs(number - other) <= 1e-9 * Math.Max(1, Math.Abs(number)), $"{path}: expected {number}, got {other}");
                    return;
                }

                Assert.True(left.ToJsonString() == right.ToJsonString(), $"{path}: expected {left.ToJsonString()}, got {right.ToJsonString()}");
                return;
        }
    }

    private sealed class MatrixAsRows : JsonConverter<FeatureMatrix>
    {
        public override FeatureMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, FeatureMatrix value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new { value.Names, Rows = Enumerable.Range(0, value.Rows).Select(r => value.Row(r).ToArray()) }, options);
    }
}
