using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Rasan.Accept;

/// <summary>A SHA-256 hash of a send request's content, to tell a replay from a different body under one idempotency key.</summary>
internal static class RequestFingerprint
{
    public static byte[] Compute(SendRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteList(writer, "to", request.To);
            writer.WriteString("text", request.Text);
            WriteOptions(writer, request.Channel, request.Account, request.Priority, request.SendAt, request.ExpiresAt, request.Tags);
            WriteMap(writer, "providerOptions", request.ProviderOptions);
            if (request.Messages is { } messages)
            {
                writer.WriteStartArray("messages");
                foreach (var draft in messages)
                {
                    writer.WriteStartObject();
                    writer.WriteString("to", draft?.To);
                    writer.WriteString("text", draft?.Text);
                    WriteOptions(writer, draft?.Channel, draft?.Account, draft?.Priority, draft?.SendAt, draft?.ExpiresAt, draft?.Tags);
                    WriteMap(writer, "providerOptions", draft?.ProviderOptions);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteOptions(
        Utf8JsonWriter writer,
        string? channel,
        string? account,
        MessagePriority? priority,
        DateTimeOffset? sendAt,
        DateTimeOffset? expiresAt,
        IReadOnlyList<string>? tags)
    {
        writer.WriteString("channel", channel);
        writer.WriteString("account", account);
        writer.WriteString("priority", priority?.ToString());
        writer.WriteString("sendAt", sendAt?.UtcDateTime.ToString("O"));
        writer.WriteString("expiresAt", expiresAt?.UtcDateTime.ToString("O"));
        WriteList(writer, "tags", tags);
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        // In name order, so the same options given in another order are the same request.
        writer.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
