using Rasan.Auditing;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task Audit_Search_PagesTheServicesEntriesNewestFirstAndTheHubWideOnesOnlyWhenAsked()
    {
        var entries = new[]
        {
            Entry(_service, Start, "api-token", "issue"),
            Entry(null, Start.AddSeconds(1), "account", "add"),
            Entry(_otherService, Start.AddSeconds(2), "api-token", "issue"),
            Entry(_service, Start.AddSeconds(3), "request", "send"),
            Entry(_service, Start.AddSeconds(4), "api-token", "revoke"),
        };
        await Audit.AppendAsync(entries, Ct);

        var own = await Audit.SearchAsync(_service, new AuditQuery(), Ct);
        var withHub = await Audit.SearchAsync(_service, new AuditQuery { IncludeHubWide = true, Limit = 2 }, Ct);
        var rest = await Audit.SearchAsync(_service, new AuditQuery { IncludeHubWide = true, Limit = 2, After = withHub.Next }, Ct);
        var tokens = await Audit.SearchAsync(_service, new AuditQuery { Entity = "api-token", Action = "issue", From = Start, To = Start.AddSeconds(1) }, Ct);

        Assert.Equal([entries[4].Id, entries[3].Id, entries[0].Id], own.Items.Select(e => e.Id));
        Assert.Equal([entries[4].Id, entries[3].Id], withHub.Items.Select(e => e.Id));
        Assert.Equal([entries[1].Id, entries[0].Id], rest.Items.Select(e => e.Id));
        Assert.Equal([entries[0].Id], tokens.Items.Select(e => e.Id));
        Assert.Equal(entries[4], own.Items[0]);
    }

    [Fact]
    public async Task Audit_DeleteBefore_RemovesOnlyOlderEntries()
    {
        await Audit.AppendAsync([Entry(_service, Start, "account", "add"), Entry(_service, Start.AddDays(400), "account", "update")], Ct);

        Assert.Equal(1, await Audit.DeleteBeforeAsync(Start.AddDays(1), Ct));

        Assert.Equal(["update"], (await Audit.SearchAsync(_service, new AuditQuery(), Ct)).Items.Select(e => e.Action));
    }

    private static AuditEntry Entry(ServiceId? service, DateTimeOffset at, string entity, string action) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        Actor = "token:rsn_ab12",
        ServiceId = service,
        Entity = entity,
        EntityId = "e-" + action,
        Action = action,
        Before = action == "add" ? null : """{"name":"before"}""",
        After = """{"name":"after","apiKey":"••••c0e9"}""",
        CorrelationId = "0HN:7",
    };
}
