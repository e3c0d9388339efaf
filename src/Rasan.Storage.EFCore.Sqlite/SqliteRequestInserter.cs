using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// Inserts accepted requests and their messages through SQLite's own prepared statements, bound by position.
/// Microsoft.Data.Sqlite looks every parameter up by name and converts every value on every execution, which costs
/// more than the insert itself; the group commit writes thousands of rows a second, so it binds directly.
/// </summary>
/// <remarks>
/// Ids are bound as EF Core stores them (<see cref="SqliteIdText"/>). Runs inside the caller's open transaction on the
/// same connection; a failing row throws <see cref="SqliteException"/> with SQLite's codes, as Microsoft.Data.Sqlite does.
/// </remarks>
internal sealed class SqliteRequestInserter : IRequestInserter
{
    private const string InsertRequestSql =
        "INSERT INTO requests (id, service_id, created_at, idempotency_key, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)";

    private const string InsertMessageSql =
        """
        INSERT INTO messages (id, request_id, service_id, seq, channel, recipient, body, account_id, account_name, priority,
            status, initial_status, created_at, send_at, expires_at, due_at, tags, provider_options, outcome_awaited_until,
            attempts, lease_version, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 0, 0, ?12)
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertRequest;
    private readonly sqlite3_stmt _insertMessage;

    public SqliteRequestInserter(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _insertRequest = Prepare(InsertRequestSql);
        try
        {
            _insertMessage = Prepare(InsertMessageSql);
        }
        catch
        {
            _insertRequest.Dispose();
            throw;
        }
    }

    /// <remarks>Runs synchronously: SQLite has no asynchronous I/O, and its caller is the group commit's own thread.</remarks>
    public Task InsertAsync(DbTransaction transaction, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        Insert(requests);
        return Task.CompletedTask;
    }

    private void Insert(IReadOnlyList<NewRequest> requests)
    {
        Span<char> requestId = stackalloc char[SqliteIdText.Length];
        Span<char> serviceId = stackalloc char[SqliteIdText.Length];
        Span<char> id = stackalloc char[SqliteIdText.Length];
        foreach (var request in requests)
        {
            SqliteIdText.Write(request.Id.Value, requestId);
            SqliteIdText.Write(request.ServiceId.Value, serviceId);
            var createdAt = StoreTime.ToTicks(request.CreatedAt);
            var r = _insertRequest;
            Check(raw.sqlite3_bind_text16(r, 1, requestId));
            Check(raw.sqlite3_bind_text16(r, 2, serviceId));
            Check(raw.sqlite3_bind_int64(r, 3, createdAt));
            BindText(r, 4, request.IdempotencyKey);
            Check(request.Fingerprint is { } fingerprint ? raw.sqlite3_bind_blob(r, 5, fingerprint) : raw.sqlite3_bind_null(r, 5));
            Execute(r);

            var m = _insertMessage;
            for (var seq = 0; seq < request.Messages.Count; seq++)
            {
                var message = request.Messages[seq];
                SqliteIdText.Write(message.Id.Value, id);
                Check(raw.sqlite3_bind_text16(m, 1, id));
                Check(raw.sqlite3_bind_text16(m, 2, requestId));
                Check(raw.sqlite3_bind_text16(m, 3, serviceId));
                Check(raw.sqlite3_bind_int(m, 4, seq));
                BindText(m, 5, message.Channel.Name);
                BindText(m, 6, message.To);
                BindText(m, 7, message.Text);
                SqliteIdText.Write(message.AccountId.Value, id);
                Check(raw.sqlite3_bind_text16(m, 8, id));
                BindText(m, 9, message.AccountName);
                Check(raw.sqlite3_bind_int(m, 10, (int)message.Priority));
                Check(raw.sqlite3_bind_int(m, 11, (int)message.Status));
                Check(raw.sqlite3_bind_int64(m, 12, createdAt));
                BindTicks(m, 13, message.SendAt);
                BindTicks(m, 14, message.ExpiresAt);
                Check(raw.sqlite3_bind_int64(m, 15, StoreTime.ToTicks(message.DueAt)));
                BindText(m, 16, TagList.Encode(message.Tags));
                BindText(m, 17, StringMap.Encode(message.ProviderOptions, emptyAsNull: true));
                BindTicks(m, 18, message.OutcomeAwaitedUntil);
                Execute(m);
            }
        }
    }

    public void Dispose()
    {
        _insertRequest.Dispose();
        _insertMessage.Dispose();
    }

    private void BindText(sqlite3_stmt statement, int index, string? value)
        => Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value.AsSpan()));

    private void BindTicks(sqlite3_stmt statement, int index, DateTimeOffset? value)
        => Check(value is { } v ? raw.sqlite3_bind_int64(statement, index, StoreTime.ToTicks(v)) : raw.sqlite3_bind_null(statement, index));

    private void Execute(sqlite3_stmt statement)
    {
        try
        {
            Check(raw.sqlite3_step(statement));
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            Check(rc);
        }

        return statement!;
    }

    /// <summary>Throws SQLite's error, with its codes and message, for a result code that is not a success.</summary>
    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
