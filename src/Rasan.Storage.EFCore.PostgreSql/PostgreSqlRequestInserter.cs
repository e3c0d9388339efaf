using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using static Rasan.Storage.EFCore.PostgreSql.PostgreSqlRasanSqlDialect;

namespace Rasan.Storage.EFCore.PostgreSql;

/// <summary>
/// Inserts a group commit's requests and messages with one <c>unnest</c> statement each (one array parameter per
/// column), sent together as one batch: a single round trip however many messages the commit holds.
/// </summary>
internal sealed class PostgreSqlRequestInserter(NpgsqlConnection connection) : IRequestInserter
{
    private const string InsertRequestsSql =
        """
        INSERT INTO requests (id, service_id, created_at, idempotency_key, fingerprint)
        SELECT * FROM unnest(@id, @service_id, @created_at, @key, @fingerprint)
        """;

    private const string InsertMessagesSql =
        """
        INSERT INTO messages (id, request_id, service_id, seq, channel, recipient, body, account_id, account_name, priority,
            status, initial_status, created_at, send_at, expires_at, due_at, tags, provider_options, outcome_awaited_until,
            attempts, lease_version, updated_at)
        SELECT id, request_id, service_id, seq, channel, recipient, body, account_id, account_name, priority,
            status, status, created_at, send_at, expires_at, due_at, tags, provider_options, outcome_awaited_until, 0, 0, created_at
        FROM unnest(@id, @request_id, @service_id, @seq, @channel, @recipient, @body, @account_id, @account_name, @priority,
            @status, @created_at, @send_at, @expires_at, @due_at, @tags, @provider_options, @outcome_awaited_until)
            AS t(id, request_id, service_id, seq, channel, recipient, body, account_id, account_name, priority,
            status, created_at, send_at, expires_at, due_at, tags, provider_options, outcome_awaited_until)
        """;

    public async Task InsertAsync(DbTransaction transaction, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        var messageCount = requests.Sum(r => r.Messages.Count);
        var m = new MessageColumns(messageCount);
        var i = 0;
        foreach (var request in requests)
        {
            var createdAt = StoreTime.ToTicks(request.CreatedAt);
            for (var seq = 0; seq < request.Messages.Count; seq++, i++)
            {
                var message = request.Messages[seq];
                m.Id[i] = message.Id.Value;
                m.RequestId[i] = request.Id.Value;
                m.ServiceId[i] = request.ServiceId.Value;
                m.Seq[i] = seq;
                m.Channel[i] = message.Channel.Name;
                m.Recipient[i] = message.To;
                m.Body[i] = message.Text;
                m.AccountId[i] = message.AccountId.Value;
                m.AccountName[i] = message.AccountName;
                m.Priority[i] = (int)message.Priority;
                m.Status[i] = (int)message.Status;
                m.CreatedAt[i] = createdAt;
                m.SendAt[i] = StoreTime.ToTicks(message.SendAt);
                m.ExpiresAt[i] = StoreTime.ToTicks(message.ExpiresAt);
                m.DueAt[i] = StoreTime.ToTicks(message.DueAt);
                m.Tags[i] = TagList.Encode(message.Tags);
                m.ProviderOptions[i] = StringMap.Encode(message.ProviderOptions, emptyAsNull: true);
                m.OutcomeAwaitedUntil[i] = StoreTime.ToTicks(message.OutcomeAwaitedUntil);
            }
        }

        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
        var insertRequests = new NpgsqlBatchCommand(InsertRequestsSql);
        insertRequests.Parameters.Add(Array("id", NpgsqlDbType.Uuid, requests.Select(r => r.Id.Value).ToArray()));
        insertRequests.Parameters.Add(Array("service_id", NpgsqlDbType.Uuid, requests.Select(r => r.ServiceId.Value).ToArray()));
        insertRequests.Parameters.Add(Array("created_at", NpgsqlDbType.Bigint, requests.Select(r => StoreTime.ToTicks(r.CreatedAt)).ToArray()));
        insertRequests.Parameters.Add(Array("key", NpgsqlDbType.Text, requests.Select(r => r.IdempotencyKey).ToArray()));
        insertRequests.Parameters.Add(Array("fingerprint", NpgsqlDbType.Bytea, requests.Select(r => r.Fingerprint).ToArray()));
        batch.BatchCommands.Add(insertRequests);
        if (messageCount > 0)
        {
            var insertMessages = new NpgsqlBatchCommand(InsertMessagesSql);
            m.AddTo(insertMessages.Parameters);
            batch.BatchCommands.Add(insertMessages);
        }

        // Prepared on the connection the store keeps for accepting: PostgreSQL parses and plans the two inserts once, and
        // later commits only look the statements up.
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
    }

    /// <summary>One array per message column, for <c>unnest</c>.</summary>
    private sealed class MessageColumns(int count)
    {
        public Guid[] Id { get; } = new Guid[count];

        public Guid[] RequestId { get; } = new Guid[count];

        public Guid[] ServiceId { get; } = new Guid[count];

        public int[] Seq { get; } = new int[count];

        public string[] Channel { get; } = new string[count];

        public string[] Recipient { get; } = new string[count];

        public string[] Body { get; } = new string[count];

        public Guid[] AccountId { get; } = new Guid[count];

        public string[] AccountName { get; } = new string[count];

        public int[] Priority { get; } = new int[count];

        public int[] Status { get; } = new int[count];

        public long[] CreatedAt { get; } = new long[count];

        public long?[] SendAt { get; } = new long?[count];

        public long?[] ExpiresAt { get; } = new long?[count];

        public long[] DueAt { get; } = new long[count];

        public string?[] Tags { get; } = new string?[count];

        public string?[] ProviderOptions { get; } = new string?[count];

        public long?[] OutcomeAwaitedUntil { get; } = new long?[count];

        public void AddTo(NpgsqlParameterCollection parameters)
        {
            parameters.Add(Array("id", NpgsqlDbType.Uuid, Id));
            parameters.Add(Array("request_id", NpgsqlDbType.Uuid, RequestId));
            parameters.Add(Array("service_id", NpgsqlDbType.Uuid, ServiceId));
            parameters.Add(Array("seq", NpgsqlDbType.Integer, Seq));
            parameters.Add(Array("channel", NpgsqlDbType.Text, Channel));
            parameters.Add(Array("recipient", NpgsqlDbType.Text, Recipient));
            parameters.Add(Array("body", NpgsqlDbType.Text, Body));
            parameters.Add(Array("account_id", NpgsqlDbType.Uuid, AccountId));
            parameters.Add(Array("account_name", NpgsqlDbType.Text, AccountName));
            parameters.Add(Array("priority", NpgsqlDbType.Integer, Priority));
            parameters.Add(Array("status", NpgsqlDbType.Integer, Status));
            parameters.Add(Array("created_at", NpgsqlDbType.Bigint, CreatedAt));
            parameters.Add(Array("send_at", NpgsqlDbType.Bigint, SendAt));
            parameters.Add(Array("expires_at", NpgsqlDbType.Bigint, ExpiresAt));
            parameters.Add(Array("due_at", NpgsqlDbType.Bigint, DueAt));
            parameters.Add(Array("tags", NpgsqlDbType.Text, Tags));
            parameters.Add(Array("provider_options", NpgsqlDbType.Text, ProviderOptions));
            parameters.Add(Array("outcome_awaited_until", NpgsqlDbType.Bigint, OutcomeAwaitedUntil));
        }
    }
}
