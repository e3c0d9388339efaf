using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Dispatch;
using Rasan.Providers;
using Rasan.Storage;

namespace Rasan.Benchmarks;

/// <summary>
/// <c>dispatch</c>: messages per second from Queued to Sent. Each run seeds a fresh database with queued
/// single-message requests (through the store, in big transactions), then empties it:
/// <list type="bullet">
/// <item><b>store only</b> (baseline): <see cref="IMessageStore.ClaimAsync"/> then <see cref="IMessageStore.CompleteAsync"/>
/// with the same Sent writes the engine makes, and no provider call;</item>
/// <item><b>engine</b>: <see cref="Dispatcher.RunOnceAsync"/> passes with the development provider answering at once.</item>
/// </list>
/// The ratio engine / store shows the engine's own overhead.
/// </summary>
internal static class DispatchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = IntOption(args, "--messages", 50_000);
        var claim = IntOption(args, "--claim", 500);
        var rounds = IntOption(args, "--rounds", 2);
        var postgres = StringOption(args, "--postgres") ?? Environment.GetEnvironmentVariable("RASAN_TEST_POSTGRES");

        Console.WriteLine($"dispatch: {messages:N0} queued single-message requests per run, ClaimBatchSize {claim}, {rounds} round(s), {Environment.ProcessorCount} cores");
        var results = new List<(string Database, string Kind, double Rate)>();
        var databases = new List<(string Name, Func<bool, Task<BenchStore>> Create)>
        {
            ("SQLite", timed => BenchStore.CreateSqliteAsync(o => o.Dispatcher.ClaimBatchSize = claim, timed)),
        };
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            Console.WriteLine("PostgreSQL: " + await PostgresBench.DescribeAsync(postgres));
            databases.Add(("PostgreSQL", timed => PostgresBench.CreateAsync(postgres, o => o.Dispatcher.ClaimBatchSize = claim, timed)));
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set RASAN_TEST_POSTGRES or --postgres to a connection string)");
        }

        foreach (var (name, create) in databases)
        {
            // Warm-up: JIT and EF Core's query caches, so the first measured run is not penalised.
            await RunOneAsync(name, "warm-up store", create, Math.Min(messages, 5_000), StoreOnlyAsync);
            await RunOneAsync(name, "warm-up engine", create, Math.Min(messages, 5_000), EngineAsync);
            for (var round = 1; round <= rounds; round++)
            {
                // The order alternates between rounds so neither kind always runs on a warmer (or more fragmented) machine.
                var kinds = new List<(string Kind, Func<BenchStore, Task<int>> Drain)> { ("store only", StoreOnlyAsync), ("engine", EngineAsync) };

                if (round % 2 == 0)
                {
                    kinds.Reverse();
                }

                foreach (var (kind, drain) in kinds)
                {
                    results.Add((name, kind, await RunOneAsync(name, kind, create, messages, drain)));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| database | store only (claim + complete), msg/s | engine (Dispatcher + development provider), msg/s | engine / store |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var name in databases.Select(d => d.Name))
        {
            var store = Median(results.Where(r => r.Database == name && r.Kind == "store only").Select(r => r.Rate));
            var engine = Median(results.Where(r => r.Database == name && r.Kind == "engine").Select(r => r.Rate));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {store:N0} | {engine:N0} | {engine / store:P0} |"));
        }

        Console.WriteLine("(median of the rounds; target: engine on SQLite >= 10,000 msg/s)");
        return 0;
    }

    private static async Task<double> RunOneAsync(
        string database, string kind, Func<bool, Task<BenchStore>> create, int messages, Func<BenchStore, Task<int>> drain)
    {
        await using var bench = await create(true);
        var seeding = Stopwatch.StartNew();
        await bench.SeedQueuedAsync(messages, batch: 5_000);
        seeding.Stop();
        var timing = bench.Timing!;
        timing.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.StartNew();
        var passes = await drain(bench);
        started.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var counts = await bench.CountByStatusAsync();
        var sent = counts.GetValueOrDefault(MessageStatus.Sent);
        if (sent != messages)
        {
            throw new InvalidOperationException(
                $"{database} {kind}: expected {messages} Sent, found " + string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        }

        var rate = messages / started.Elapsed.TotalSeconds;
        var other = started.Elapsed - timing.ClaimTime - timing.CompleteTime;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{database,-10} {kind,-14}: {rate,8:N0} msg/s  ({messages:N0} in {started.Elapsed.TotalSeconds:F2} s, {passes} passes; "
            + $"claim {timing.ClaimTime.TotalSeconds:F2} s, complete {timing.CompleteTime.TotalSeconds:F2} s, rest {other.TotalSeconds:F2} s; "
            + $"{allocated / (double)messages / 1024:F1} KB allocated per message; seeded in {seeding.Elapsed.TotalSeconds:F1} s)"));
        return rate;
    }

    private static async Task<int> EngineAsync(BenchStore bench)
    {
        var dispatcher = bench.Services.GetRequiredService<Dispatcher>();
        var passes = 0;
        while (await dispatcher.RunOnceAsync() > 0)
        {
            passes++;
        }

        return passes;
    }

    private static async Task<int> StoreOnlyAsync(BenchStore bench)
    {
        var store = bench.Store;
        var settings = bench.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RasanOptions>>().Value.Dispatcher;
        var owner = $"bench/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var passes = 0;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var claimed = await store.ClaimAsync(
                new ClaimOptions { Owner = owner, Now = now, LeaseDuration = settings.LeaseDuration, Limit = settings.ClaimBatchSize },
                CancellationToken.None);
            if (claimed.Count == 0)
            {
                return passes;
            }

            var transitions = new MessageTransition[claimed.Count];
            for (var i = 0; i < claimed.Count; i++)
            {
                transitions[i] = TransitionFactory.Sent(claimed[i], owner, SendOutcome.Accepted("dev-" + claimed[i].Id), now, now.AddSeconds(1));
            }

            await store.CompleteAsync(transitions, CancellationToken.None);
            passes++;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static int IntOption(string[] args, string name, int fallback)
        => StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    internal static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
