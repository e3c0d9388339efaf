using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>The private key and its password must reach no log, trace, outcome, validation message or request.</summary>
public sealed class FanapPlusTelemetryTests(OpenSslKeyFiles keys) : IClassFixture<OpenSslKeyFiles>
{
    private const string Sid = "5f0c2d9e8b7a46139e2f7c1d0a9b8c7d";

    [Theory]
    [InlineData("legacy-aes256.pem")]
    [InlineData("pkcs8-encrypted.pem")]
    [InlineData("key.xml")]
    public async Task EveryKindOfCall_WithAnEncryptedOrXmlKey_LeavesNoKeyOrPasswordAnywhere(string file)
    {
        Assert.SkipUnless(OpenSsl.IsAvailable, "openssl is not on the path");
        using var activities = new ActivityRecorder();
        await using var harness = await FanapPlusHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        harness.Fake.AddAccount(Sid, keys.PublicKey());
        var text = keys.Read(file);
        var account = harness.Account(("sid", Sid), ("privateKey", text), ("privateKeyPassword", OpenSslKeyFiles.Password));

        var outcomes = await RunEveryKindOfCallAsync(harness, account);

        string[] secrets = [.. FakeFanapPlusKeys.SecretsOf(text).Where(s => s.Length >= 16), OpenSslKeyFiles.Password];
        string[] everything =
        [
            .. harness.Services.LogTexts(),
            .. activities.Activities.Select(a => a.AllText),
            .. outcomes.Select(o => $"{o.Code} {o.Text}"),
            .. harness.Fake.Requests.SelectMany(r => r.Parameters.Select(p => $"{p.Key}={p.Value}")),
            .. harness.Fake.Calls.Select(c => c.Json),
        ];
        Assert.Contains(outcomes, o => o.Kind == SendOutcomeKind.Accepted);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(everything, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Calls_LogByPathSizeAndTypeWithoutTheDefaultHttpClientLogging()
    {
        await using var harness = await FanapPlusHarness.StartAsync();

        await harness.SendAsync(FanapPlusHarness.Message());

        var records = harness.Services.Logs.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        var call = Assert.Single(records, r => r.Id.Id == 12001);
        Assert.Matches(@"^FanapPlus POST /api/v6\.0/message/post \(\d+ bytes\) answered HTTP 200 in [\d.]+ ms$", call.Message);
        Assert.Equal(LogLevel.Debug, call.Level);
        Assert.Contains(records, r => r.Id.Id == 16012 && r.Message.Contains("+98*******567", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Services.LogTexts(), t => t.Contains("9121234567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostTurnsOnHeaderLoggingForAllClients_StillLogsNoBodyOrKey()
    {
        await using var harness = await FanapPlusHarness.StartAsync(services: s => s.ConfigureHttpClientDefaults(b => b.AddDefaultLogger().RedactLoggedHeaders(_ => false)));

        await harness.SendAsync(FanapPlusHarness.Message(text: "a text that is not logged"));

        var texts = harness.Services.LogTexts();
        Assert.DoesNotContain(texts, t => t.Contains("a text that is not logged", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => FakeFanapPlusKeys.SecretsOf(FakeFanapPlusKeys.DefaultPrivatePem).Any(s => t.Contains(s, StringComparison.Ordinal)));
    }

    private static async Task<List<SendOutcome>> RunEveryKindOfCallAsync(FanapPlusHarness harness, ProviderAccount account)
    {
        var outcomes = new List<SendOutcome>();
        outcomes.AddRange(await harness.SendAsync(account, FanapPlusHarness.Messages(3, i => $"text {i}")));
        harness.Fake.Inject(FakeFanapPlusFault.Status(503, "busy"));
        outcomes.AddRange(await harness.SendAsync(account, FanapPlusHarness.Message()));
        harness.Fake.Inject(FakeFanapPlusFault.Slow(TimeSpan.FromSeconds(5)));
        outcomes.AddRange(await harness.SendAsync(account, FanapPlusHarness.Message()));
        harness.Fake.DefaultAccount.MaySendByPhoneNumber = false;
        outcomes.AddRange(await harness.SendAsync(harness.Account(), FanapPlusHarness.Message()));
        var wrongPassword = account with { Id = AccountId.New(DateTimeOffset.UtcNow), Settings = new Dictionary<string, string>(account.Settings) { ["privateKeyPassword"] = "wrong" } };
        outcomes.AddRange(await harness.SendAsync(wrongPassword, FanapPlusHarness.Message()));
        foreach (var bad in new[] { wrongPassword, wrongPassword with { Settings = new Dictionary<string, string>(account.Settings) { ["privateKey"] = account.Settings["privateKey"][..200] } } })
        {
            var errors = new ValidationErrors();
            ((IAccountValidator)harness.Provider).Validate(bad, errors);
            outcomes.Add(SendOutcome.Permanent("validation", errors.ToString()));
        }

        return outcomes;
    }
}
