using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Architecture;

public sealed class DependencyTests
{
    [Fact]
    public void Core_references_no_web_or_console_assembly()
    {
        var references = typeof(IGradeStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Spectre", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("System.CommandLine", StringComparison.Ordinal));
        Assert.Contains("DuckDB.NET.Data", references);
    }
}
