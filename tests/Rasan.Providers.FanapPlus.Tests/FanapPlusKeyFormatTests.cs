using Rasan.Providers.FanapPlus.Tests.Fake;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>Every key format an account may hold is read, validated and signs what the fake verifies; bad keys are refused clearly.</summary>
public sealed class FanapPlusKeyFormatTests(OpenSslKeyFiles keys) : IClassFixture<OpenSslKeyFiles>, IAsyncLifetime
{
    private const string Sid = "0c9d8e7f6a5b4c3d2e1f00112233aabb";
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
    [InlineData("pkcs1.pem", false)]
    [InlineData("pkcs8.pem", false)]
    [InlineData("pkcs8-encrypted.pem", true)]
    [InlineData("legacy-aes256.pem", true)]
    [InlineData("legacy-des3.pem", true)]
    [InlineData("key.xml", false)]
    public async Task Key_EverySupportedFormat_ValidatesAndSignsWhatFanapPlusVerifies(string file, bool encrypted)
    {
        var account = Account(keys.Read(file), encrypted ? OpenSslKeyFiles.Password : null);

        var errors = Validate(account);
        var outcome = Assert.Single(await Harness.SendAsync(account, FanapPlusHarness.Message()));

        Assert.Empty(errors);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(200, Assert.Single(Harness.Fake.Calls).Status);
    }

    [Fact]
    public async Task Key_PemWithPublicKeyAndCertificateBlocksBeside_UsesThePrivateBlock()
    {
        var account = Account(keys.Read("public.pem") + "\n" + keys.Read("pkcs8.pem"), null);

        var outcome = Assert.Single(await Harness.SendAsync(account, FanapPlusHarness.Message()));

        Assert.Empty(Validate(account));
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
    }

    [Theory]
    [InlineData("pkcs1.pem")]
    [InlineData("pkcs8.pem")]
    [InlineData("key.xml")]
    [InlineData("legacy-aes256.pem")]
    public void Validate_TruncatedKey_SaysItIsIncompleteWithoutQuotingIt(string file)
    {
        var text = keys.Read(file);

        var message = SingleError(Account(text[..(text.Length / 2)], OpenSslKeyFiles.Password), "privateKey");

        Assert.Contains("is incomplete", message, StringComparison.Ordinal);
        AssertNamesAccountAndField(message, "privateKey");
        AssertQuotesNothingOf(message, text, OpenSslKeyFiles.Password);
    }

    [Theory]
    [InlineData("pkcs8-encrypted.pem")]
    [InlineData("legacy-aes256.pem")]
    [InlineData("legacy-des3.pem")]
    public void Validate_WrongPassword_NamesThePasswordFieldWithoutQuotingIt(string file)
    {
        const string wrong = "not-the-password";
        var text = keys.Read(file);

        var message = SingleError(Account(text, wrong), "privateKeyPassword");

        Assert.Contains("does not decrypt", message, StringComparison.Ordinal);
        AssertNamesAccountAndField(message, "privateKeyPassword");
        AssertQuotesNothingOf(message, text, wrong);
    }

    [Theory]
    [InlineData("pkcs8-encrypted.pem")]
    [InlineData("legacy-aes256.pem")]
    public void Validate_EncryptedKeyWithoutPassword_AsksForThePassword(string file)
    {
        var message = SingleError(Account(keys.Read(file), null), "privateKeyPassword");

        Assert.Contains("is encrypted: set its password (privateKeyPassword)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public.pem")]
    [InlineData("public.xml")]
    public void Validate_PublicKeyOnly_SaysSigningNeedsThePrivateKey(string file)
    {
        var text = keys.Read(file);

        var message = SingleError(Account(text, null), "privateKey");

        Assert.Contains("is a public key", message, StringComparison.Ordinal);
        AssertQuotesNothingOf(message, text, null);
    }

    [Theory]
    [InlineData("this is not a key at all")]
    [InlineData("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")]
    [InlineData("<html><body>nope</body></html>")]
    public void Validate_Garbage_SaysWhichFormatsAreRead(string text)
    {
        var message = SingleError(Account(text, null), "privateKey");

        Assert.Contains("neither a PEM key", message, StringComparison.Ordinal);
        AssertQuotesNothingOf(message, text, null);
    }

    [Fact]
    public void Validate_PemWithDamagedBody_SaysItCouldNotBeRead()
    {
        var text = keys.Read("pkcs8.pem");
        var lines = text.Split('\n');
        lines[3] = new string('A', lines[3].Length);
        var damaged = string.Join('\n', lines);

        var message = SingleError(Account(damaged, null), "privateKey");

        Assert.Contains("could not be read", message, StringComparison.Ordinal);
        AssertQuotesNothingOf(message, damaged, null);
    }

    [Fact]
    public void Validate_MissingKey_SaysTheAccountNeedsIt()
    {
        var message = SingleError(Account(null, null), "privateKey");

        Assert.Equal("FanapPlus account 'fanapplus-test' needs its RSA private key (privateKey), in PEM or the .NET XML format, to sign messages.", message);
    }

    [Fact]
    public void Validate_KeyShorterThan1024Bits_IsRefused()
    {
        OpenSsl.Must(keys.Directory, "genrsa", "-traditional", "-out", "short.pem", "768");

        var message = SingleError(Account(keys.Read("short.pem"), null), "privateKey");

        Assert.Contains("shorter than 1024 bits", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadKey_FailsEveryMessagePermanentlyWithoutACallOrTheKey()
    {
        var text = keys.Read("pkcs8-encrypted.pem");
        var account = Account(text, "wrong");

        var outcomes = await Harness.SendAsync(account, FanapPlusHarness.Message(), FanapPlusHarness.Message("+989127654321"));

        Assert.All(outcomes, o =>
        {
            Assert.Equal(SendOutcomeKind.Permanent, o.Kind);
            Assert.Equal("invalid-private-key", o.Code);
            AssertQuotesNothingOf(o.Text!, text, "wrong");
        });
        Assert.Empty(Harness.Fake.Calls);
    }

    private ProviderAccount Account(string? key, string? password)
        => Harness.Account(("sid", Sid), ("privateKey", key), ("privateKeyPassword", password));

    private Dictionary<string, string[]> Validate(ProviderAccount account)
    {
        var errors = new ValidationErrors();
        ((IAccountValidator)Harness.Provider).Validate(account, errors);
        return errors.ToDictionary();
    }

    private string SingleError(ProviderAccount account, string field)
    {
        var errors = Validate(account);
        var entry = Assert.Single(errors);
        Assert.Equal(field, entry.Key);
        return Assert.Single(entry.Value);
    }

    private static void AssertNamesAccountAndField(string message, string field)
    {
        Assert.Contains("'fanapplus-test'", message, StringComparison.Ordinal);
        Assert.Contains($"({field})", message, StringComparison.Ordinal);
    }

    private static void AssertQuotesNothingOf(string message, string key, string? password)
    {
        foreach (var secret in FakeFanapPlusKeys.SecretsOf(key).Where(s => s.Length >= 16))
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }

        if (password is not null)
        {
            Assert.DoesNotContain(password, message, StringComparison.Ordinal);
        }
    }
}
