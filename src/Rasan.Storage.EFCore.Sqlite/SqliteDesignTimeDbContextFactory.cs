using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<RasanDbContext>
{
    public RasanDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<RasanDbContext>()
            .UseSqlite("Data Source=rasan-design.db", sqlite => sqlite.MigrationsAssembly(typeof(SqliteDesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
