using Xunit;
using Rasan.Testing;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>One real Kannel shared by the tests of a class (those that do not stop its fake SMSC).</summary>
public sealed class KannelServerFixture : IAsyncLifetime
{
    private KannelServer? _server;
    private Exception? _startFailure;

    /// <summary>The server; skips the test when Kannel is not installed (fails it under <c>RASAN_REQUIRE_SERVERS=1</c>).</summary>
    public KannelServer Server
    {
        get
        {
            KannelServer.SkipOrFailUnlessAvailable();
            if (_startFailure is not null)
            {
                Assert.Fail("Kannel did not start: " + _startFailure.Message);
            }

            return _server ?? throw new InvalidOperationException("The fixture was not initialised.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!KannelServer.IsInstalled)
        {
            return;
        }

        try
        {
            _server = await KannelServer.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _startFailure = ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
