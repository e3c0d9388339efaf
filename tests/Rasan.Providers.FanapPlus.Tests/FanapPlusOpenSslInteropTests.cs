using System.Text;
using System.Text.Json;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>
/// Rasan's signatures checked by an outside standard: <c>openssl dgst -sha1 -verify</c> with the public key of a key
/// pair made by <c>openssl genrsa</c>, over the exact string the fake reconstructed from the request.
/// </summary>
public sealed class FanapPlusOpenSslInteropTests(OpenSslKeyFiles keys) : IClassFixture<OpenSslKeyFiles>, IAsyncLifetime
{
    private const string Sid = "914a0a94a5b547c99a19a8926643b1e9";
    private FanapPlusHarness? _harness;

    private FanapPlusHarness Harness => _harness!;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(OpenSsl.IsAvailable, "openssl is not on the path");
        _harness = await FanapPlusHarness.StartAsync();
        Harness.Fake.AddAccount(Sid, keys.PublicKey());
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("pkcs1.pem")]
    [InlineData("legacy-des3.pem")]
    [InlineData("key.xml")]
    public async Task Signature_OfEveryMessageInABatch_VerifiesWithOpenSslDgst(string file)
    {
        var account = Harness.Account(("sid", Sid), ("privateKey", keys.Read(file)), ("privateKeyPassword", OpenSslKeyFiles.Password));
        var messages = new[]
        {
            FanapPlusHarness.Message("+989121234567", "کد شما ۴۸۲۱ است"),
            FanapPlusHarness.Message("+989351234567", "Hello, Sara: 50% off"),
        };

        var outcomes = await Harness.SendAsync(account, messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        var call = Assert.Single(Harness.Fake.Calls);
        var signatures = Signatures(call.Json);
        Assert.Equal(2, signatures.Count);
        using var body = JsonDocument.Parse(call.Json);
        var (date, uid) = (body.RootElement.GetProperty("Date").GetString(), body.RootElement.GetProperty("Uid").GetString());
        for (var i = 0; i < signatures.Count; i++)
        {
            // The guide's pattern by hand (sending by phone: the empty AccountId is left out with its comma).
            Assert.Equal($"{date},{uid},{Sid},Imi,Content,{messages[i].Text}", call.SignedStrings[i]);
            var (exitCode, output) = Verify(call.SignedStrings[i], signatures[i], $"{file}-{i}");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signature_OverAnotherString_FailsOpenSslDgst()
    {
        var account = Harness.Account(("sid", Sid), ("privateKey", keys.Read("pkcs8.pem")));
        await Harness.SendAsync(account, FanapPlusHarness.Message());
        var call = Assert.Single(Harness.Fake.Calls);

        var (exitCode, output) = Verify(call.SignedStrings[0] + "!", Signatures(call.Json)[0], "tampered");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Verification failure", output, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output) Verify(string signed, string signature, string name)
    {
        var data = keys.Path($"{name}.txt");
        var binary = keys.Path($"{name}.sig");
        File.WriteAllBytes(data, Encoding.UTF8.GetBytes(signed));
        File.WriteAllBytes(binary, Convert.FromBase64String(signature));
        return OpenSsl.Run(keys.Directory, "dgst", "-sha1", "-verify", "public.pem", "-signature", binary, data);
    }

    private static List<string> Signatures(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("Messages").EnumerateArray().Select(m => m.GetProperty("Signature").GetString()!)];
    }
}
