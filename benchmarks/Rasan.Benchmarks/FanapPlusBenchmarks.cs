using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Providers.FanapPlus;

namespace Rasan.Benchmarks;

/// <summary>
/// FanapPlus signing on one core: the provider's signer (UTF-8 of the signature string, RSA-2048 SHA-1 PKCS#1 v1.5,
/// Base64) against the bare <see cref="RSA.SignData(byte[], HashAlgorithmName, RSASignaturePadding)"/> of the same
/// bytes (the baseline); <c>benchmarks/load/signing.sh</c> runs this beside <c>openssl speed rsa2048</c>. And a whole
/// 1,000-message batch call with different texts: built, every message signed, serialised and gzipped, through the
/// provider with its HTTP client answering from memory.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class FanapPlusBenchmarks
{
    private const string SignatureString =
        "2026-11-23T08:30:00.125Z,3f2b1c9e-6a51-4e0f-9d7b-2a7f0c5e8b11,a1b2c3d4e5f60718293a4b5c6d7e8f90,Imi,Content,,کد ورود شما 482913 است";

    private RSA _rsa = null!;
    private byte[] _bytes = null!;
    private FanapPlusSigningKey _key = null!;
    private ServiceProvider _services = null!;
    private IMessageProvider _provider = null!;
    private ProviderContext _context = null!;
    private OutgoingMessage[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        _bytes = Encoding.UTF8.GetBytes(SignatureString);
        _key = new FanapPlusSigningKey(_rsa);

        _batch = [.. Enumerable.Range(0, 1_000).Select(i => new OutgoingMessage
        {
            Id = MessageId.New(DateTimeOffset.UtcNow),
            To = string.Create(CultureInfo.InvariantCulture, $"+98912{i:D7}"),
            Text = string.Create(CultureInfo.InvariantCulture, $"کد ورود شما {100_000 + i} است"),
        })];
        var answer = "{\"Puid\":\"003a020ae3ee473fac7cdd943f69c9e3\",\"Muids\":["
            + string.Join(',', _batch.Select(m => $"\"{m.Id.Value:N}\"")) + "]}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRasan().AddInMemoryStores().AddFanapPlus(o => o.MaxBatchSize = 1_000);
        services.AddHttpClient("Rasan.Providers.FanapPlus")
            .ConfigurePrimaryHttpMessageHandler(() => new CannedHttpHandler(_ => answer, "application/json"));
        _services = services.BuildServiceProvider();
        _provider = _services.GetServices<IMessageProvider>().Single(p => p.Descriptor.Type == "fanapplus");
        _context = new ProviderContext(new ProviderAccount
        {
            Id = AccountId.New(DateTimeOffset.UtcNow),
            Name = "fanapplus",
            ProviderType = "fanapplus",
            Channel = Channel.Sms,
            Settings = new Dictionary<string, string>
            {
                ["sid"] = "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                ["channelType"] = "Imi",
                ["privateKey"] = _rsa.ExportPkcs8PrivateKeyPem(),
            },
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _rsa.Dispose();
    }

    /// <summary>RSA-2048 SHA-1 PKCS#1 v1.5 over ready UTF-8 bytes.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Rsa_SignData() => _rsa.SignData(_bytes, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

    /// <summary>The provider's signer: the string's UTF-8, the signature, its Base64.</summary>
    [Benchmark]
    public string FanapPlus_Sign() => _key.Sign(SignatureString);

    /// <summary>One 1,000-message batch call: built, 1,000 signatures, JSON, gzip, answer matched.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public Task<IReadOnlyList<SendOutcome>> FanapPlus_Batch1000_BuildSignGzip() => _provider.SendAsync(_context, _batch, CancellationToken.None);
}
