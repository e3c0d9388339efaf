using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>
/// The provider-neutral model: snake_case tables and columns, the indexes the stores' queries need. Indexes on columns
/// that are empty when a message is accepted (provider id, next poll, idempotency key) are partial, so accept, the hot
/// path, does not write them.
/// </summary>
internal static class RasanModel
{
    /// <summary>The database name EF Core gives the unique (service_id, idempotency_key) index of requests.</summary>
    public const string IdempotencyKeyIndex = "IX_requests_service_id_idempotency_key";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RequestEntity>(e =>
        {
            e.ToTable("requests");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ServiceId, r.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL").HasDatabaseName(IdempotencyKeyIndex);
            e.Property(r => r.IdempotencyKey).HasMaxLength(200);
            e.HasMany(r => r.Messages).WithOne(m => m.Request).HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageEntity>(e =>
        {
            e.ToTable("messages");
            e.HasKey(m => m.Id);
            // Claims read due messages in claim order straight from this index and stop after a batch, however long
            // the backlog; lapsed leases (few: only messages in flight) have their own.
            e.HasIndex(m => new { m.Priority, m.DueAt }, "ix_messages_claimable").IsDescending(true, false).HasFilter("status IN (0, 1)");
            e.HasIndex(m => m.LeaseUntil, "ix_messages_leased").HasFilter("status = 2");
            e.HasIndex(m => new { m.ServiceId, m.Id });
            e.HasIndex(m => new { m.AccountId, m.ProviderMessageId }).HasFilter("provider_message_id IS NOT NULL");
            e.HasIndex(m => m.NextPollAt).HasFilter("next_poll_at IS NOT NULL");
            e.HasIndex(m => new { m.RequestId, m.Seq });
            e.Property(m => m.Channel).HasMaxLength(32);
            e.Property(m => m.Recipient).HasMaxLength(320);
            e.Property(m => m.AccountName).HasMaxLength(200);
            e.Property(m => m.LeaseOwner).HasMaxLength(200);
            e.Property(m => m.ProviderMessageId).HasMaxLength(200);
            e.Property(m => m.ErrorCode).HasMaxLength(100);
            e.Property(m => m.Cost).HasPrecision(18, 6);
            e.HasMany(m => m.Events).WithOne().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageEventEntity>(e =>
        {
            e.ToTable("message_events");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedOnAdd();
            e.HasIndex(v => new { v.MessageId, v.Id });
        });

        modelBuilder.Entity<ServiceEntity>(e =>
        {
            e.ToTable("services");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(200);
            e.HasIndex(s => s.Name).IsUnique();
        });

        modelBuilder.Entity<AccountEntity>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.ProviderType).HasMaxLength(100);
            e.Property(a => a.Channel).HasMaxLength(32);
            e.HasIndex(a => a.Name).IsUnique();
        });

        modelBuilder.Entity<ApiTokenEntity>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Prefix).HasMaxLength(32);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.ServiceId);
            e.HasOne<ServiceEntity>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApiCallEntity>(e =>
        {
            e.ToTable("api_calls");
            e.HasKey(c => c.Id);
            e.Property(c => c.Method).HasMaxLength(16);
            e.Property(c => c.Route).HasMaxLength(200);
            e.Property(c => c.TokenPrefix).HasMaxLength(32);
            e.Property(c => c.ClientIp).HasMaxLength(64);
            e.Property(c => c.RequestId).HasMaxLength(128);
            e.HasIndex(c => new { c.ServiceId, c.Id });
            e.HasIndex(c => c.At);
        });

        modelBuilder.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Entity).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.CorrelationId).HasMaxLength(128);
            e.HasIndex(a => new { a.ServiceId, a.Id });
            e.HasIndex(a => a.At);
        });

        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }
        }
    }
}
