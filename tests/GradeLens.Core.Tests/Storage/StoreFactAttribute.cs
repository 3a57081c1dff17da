using Xunit.Abstractions;
using Xunit.Sdk;

namespace GradeLens.Core.Tests.Storage;

/// <summary>Marks a store contract class whose store is PostgreSQL: its <see cref="StoreFactAttribute"/> tests skip without a test server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A store contract test, declared once in the abstract contract class and run by each store's class. It is skipped
/// (never passed) in a class marked <see cref="RequiresPostgresAttribute"/> when there is no PostgreSQL test server;
/// the DuckDB class always runs.
/// </summary>
[XunitTestCaseDiscoverer("GradeLens.Core.Tests.Storage.StoreFactDiscoverer", "GradeLens.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        PostgresTestDatabase.ServerUrl is null && TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any()
            ? PostgresTestDatabase.SkipReason
            : base.GetSkipReason(factAttribute);
}
