using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rasan.Dispatch;

namespace Rasan.Benchmarks;

/// <summary>
/// <c>contention</c>: the accept path in process (64 callers looping on <see cref="IMessageSender.SendAsync"/> for a
/// few seconds on a fresh SQLite file) with and without the engine's own hosted services running beside it (the
/// dispatcher and the delivery poller, started exactly as the host starts them). Prints accepts/s, the slowest
/// accept, and how many messages the dispatcher sent meanwhile: the cost of the two sharing SQLite's one writer.
/// </summary>
internal static class ContentionCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = DispatchCommand.IntOption(args, "--seconds", 8);
        var callers = DispatchCommand.IntOption(args, "--callers", 64);
        Console.WriteLine($"contention: {callers} callers for {seconds} s each way, {Environment.ProcessorCount} cores");
        var quiet = await RunOneAsync("accept only", _ => false, seconds, callers);
        var dispatcher = await RunOneAsync("with dispatcher", s => s is DispatcherHostedService, seconds, callers);
        var both = await RunOneAsync("with dispatcher + poller", s => s is DispatcherHostedService or Delivery.DeliveryPollerHostedService, seconds, callers);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"accepts/s beside the dispatcher = {dispatcher / quiet:P0}, beside dispatcher + delivery poller (as the host runs) = {both / quiet:P0} of accepts/s alone"));
        return 0;
    }

    private static async Task<double> RunOneAsync(string label, Func<IHostedService, bool> start, int seconds, int callers)
    {
        await using var bench = await BenchStore.CreateSqliteAsync();
        var sender = bench.Services.GetRequiredService<IMessageSender>();
        var hosted = bench.Services.GetServices<IHostedService>().Where(start).ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var request = new SendRequest { To = ["09121234567"], Text = "Your code is 12345" };
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        long count = 0;
        long slowestTicks = 0;
        long over1s = 0;
        var loops = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                await sender.SendAsync(bench.Service, request);
                var took = Stopwatch.GetTimestamp() - started;
                Interlocked.Increment(ref count);
                if (took > Stopwatch.Frequency)
                {
                    Interlocked.Increment(ref over1s);
                }

                long seen;
                while (took > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, took, seen) != seen)
                {
                }
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(loops);
        clock.Stop();
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        var counts = await bench.CountByStatusAsync();
        var rate = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-25}: {rate,8:N0} accepts/s, slowest {1000.0 * slowestTicks / Stopwatch.Frequency:N0} ms, "
            + $"{over1s} over 1 s; statuses after: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}"));
        return rate;
    }
}
