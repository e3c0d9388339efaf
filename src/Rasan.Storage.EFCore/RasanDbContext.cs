using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>
/// The Rasan database: requests, messages and their histories, services, provider accounts and API tokens, and the
/// Data Protection key ring that encrypts the accounts' settings. The same model serves every database; each database
/// package ships its own migrations.
/// </summary>
public class RasanDbContext : DbContext, IDataProtectionKeyContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options, naming the database provider and its migrations assembly.</param>
    public RasanDbContext(DbContextOptions<RasanDbContext> options)
        : base(options)
    {
    }

    internal DbSet<RequestEntity> Requests => Set<RequestEntity>();

    internal DbSet<MessageEntity> Messages => Set<MessageEntity>();

    internal DbSet<MessageEventEntity> MessageEvents => Set<MessageEventEntity>();

    internal DbSet<ServiceEntity> Services => Set<ServiceEntity>();

    internal DbSet<AccountEntity> Accounts => Set<AccountEntity>();

    internal DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    internal DbSet<ApiCallEntity> ApiCalls => Set<ApiCallEntity>();

    internal DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    /// <summary>The key ring Rasan encrypts provider account settings with, shared by every host of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        RasanModel.Configure(modelBuilder);
    }
}
