namespace Rasan.Providers.Kavenegar.Tests.Fake;

public sealed partial class FakeKavenegarServer
{
    // Runs under _lock.
    private static Dictionary<string, object?> Info(FakeKavenegarAccount account) => new()
    {
        ["remaincredit"] = account.Balance,
        ["expiredate"] = account.ExpiresAt?.ToUnixTimeSeconds() ?? 0,
        ["type"] = "master",
    };

    private Dictionary<string, object?> GetDate()
    {
        var now = Time.GetUtcNow();
        return new()
        {
            ["datetime"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["year"] = now.Year,
            ["month"] = now.Month,
            ["day"] = now.Day,
            ["hour"] = now.Hour,
            ["minute"] = now.Minute,
            ["second"] = now.Second,
            ["unixtime"] = now.ToUnixTimeSeconds(),
        };
    }
}
