using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rasan.Dispatch;
using Rasan.Storage;
using Rasan.Testing;

namespace Rasan.Benchmarks;

/// <summary>
/// <c>kannel</c>: messages/s through a real Kannel (bearerbox, smsbox, fakesmsc on loopback) to the fake SMSC, two ways
/// with the same load in the same run: Kannel's own <c>sendsms</c> driven directly (one HTTP call per message,
/// <c>--concurrency</c> at a time, the baseline), and Rasan end to end (accepted through <see cref="IMessageSender"/> in
/// requests of 100 recipients on a fresh SQLite file, dispatched by the engine's dispatcher through the Kannel
/// provider as shipped). Each run is timed from its first call until fakesmsc has received every message; no
/// delivery reports are requested either way. Rounds alternate the order; the table shows medians.
/// </summary>
internal static class KannelCommand
{
    private const int RecipientsPerRequest = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = DispatchCommand.IntOption(args, "--messages", 2_000);
        var concurrency = DispatchCommand.IntOption(args, "--concurrency", 16);
        var rounds = DispatchCommand.IntOption(args, "--rounds", 3);
        Console.WriteLine($"kannel: {messages:N0} messages per run, direct sendsms with {concurrency} concurrent calls, {rounds} round(s), {Environment.ProcessorCount} cores");
        await using var kannel = await KannelServer.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await DirectAsync(kannel, http, 200, concurrency, "warm-up direct");
        await RasanAsync(kannel, 200, "warm-up rasan");
        var direct = new List<double>();
        var rasan = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                direct.Add(await DirectAsync(kannel, http, messages, concurrency, $"direct {round}"));
                rasan.Add(await RasanAsync(kannel, messages, $"rasan {round}"));
            }
            else
            {
                rasan.Add(await RasanAsync(kannel, messages, $"rasan {round}"));
                direct.Add(await DirectAsync(kannel, http, messages, concurrency, $"direct {round}"));
            }
        }

        var d = Median(direct);
        var r = Median(rasan);
        Console.WriteLine();
        Console.WriteLine("| way | msg/s (median) | vs Kannel direct |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Kannel sendsms direct | {d:N0} | 100% |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Rasan end to end (SQLite, Kannel provider) | {r:N0} | {r / d:P0} |"));
        Console.WriteLine("Target: Rasan >= 1.0x of Kannel direct.");
        return 0;
    }

    private static async Task<double> DirectAsync(KannelServer kannel, HttpClient http, int count, int concurrency, string label)
    {
        var text = "direct " + Guid.NewGuid().ToString("N");
        var before = kannel.ReceivedMessages.Count;
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(concurrency);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                var uri = new Uri(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{kannel.SendSmsUrl}?username={kannel.Username}&password={Uri.EscapeDataString(kannel.Password)}&from=3000&to=%2B98912{i % 1_000_000:D6}5&text={Uri.EscapeDataString(text)}&charset=UTF-8&coding=0"));
                using var response = await http.GetAsync(uri);
                response.EnsureSuccessStatusCode();
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(calls);
        await WaitForAsync(kannel, text, count, before);
        return Report(label, count, clock.Elapsed);
    }

    private static async Task<double> RasanAsync(KannelServer kannel, int count, string label)
    {
        var directory = Directory.CreateTempSubdirectory("rasan-bench-kannel-").FullName;
        await using var bench = await BenchStore.CreateAsync(
            b => b.AddSqliteStores($"Data Source={Path.Combine(directory, "rasan.db")}").AddKannel(),
            configure: null,
            cleanup: () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return ValueTask.CompletedTask;
            });
        var account = new ProviderAccount
        {
            Id = AccountId.New(DateTimeOffset.UtcNow),
            Name = "kannel",
            ProviderType = "kannel",
            Channel = Channel.Sms,
            Sender = "3000",
            Settings = new Dictionary<string, string>
            {
                ["url"] = kannel.SendSmsUrl.ToString(),
                ["username"] = kannel.Username,
                ["password"] = kannel.Password,
            },
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await bench.Services.GetRequiredService<ITenancyStore>().AddAccountAsync(account, CancellationToken.None);
        var dispatcher = bench.Services.GetServices<IHostedService>().OfType<DispatcherHostedService>().Single();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var text = "rasan " + Guid.NewGuid().ToString("N");
            var sender = bench.Services.GetRequiredService<IMessageSender>();
            var before = kannel.ReceivedMessages.Count;
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < count; start += RecipientsPerRequest)
            {
                var to = Enumerable.Range(start, Math.Min(RecipientsPerRequest, count - start))
                    .Select(i => string.Create(CultureInfo.InvariantCulture, $"+98912{i % 1_000_000:D6}5"))
                    .ToArray();
                await sender.SendAsync(bench.Service, new SendRequest { To = to, Text = text, Account = account.Name });
            }

            await WaitForAsync(kannel, text, count, before);
            return Report(label, count, clock.Elapsed);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitForAsync(KannelServer kannel, string text, int count, int before)
    {
        var deadline = Stopwatch.StartNew();
        while (kannel.ReceivedMessages.Skip(before).Count(m => m.Text == text) < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"fakesmsc received {kannel.ReceivedMessages.Skip(before).Count(m => m.Text == text)} of {count} in 3 minutes:\n{kannel.LogTail()}");
            }

            await Task.Delay(20);
        }
    }

    private static double Report(string label, int count, TimeSpan elapsed)
    {
        var rate = count / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-16}: {count:N0} messages in {elapsed.TotalSeconds:N2} s = {rate:N0} msg/s"));
        return rate;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
