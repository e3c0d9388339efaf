using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rasan.Storage.EFCore.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<RasanDbContext>
{
    public RasanDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<RasanDbContext>()
            .UseNpgsql("Host=localhost;Database=rasan_design", npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
