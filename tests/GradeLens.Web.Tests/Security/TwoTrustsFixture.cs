namespace GradeLens.Web.Tests.Security;

/// <summary>One <see cref="TwoTrusts"/> app for a test class whose tests only read (each signs in its own client).</summary>
public sealed class TwoTrustsFixture : IAsyncLifetime
{
    private GradeLensApplication? _app;

    public GradeLensApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _app = await TwoTrusts.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
