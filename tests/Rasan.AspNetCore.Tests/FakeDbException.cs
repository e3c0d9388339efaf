using System.Data.Common;

namespace Rasan.AspNetCore.Tests;

/// <summary>What a database driver throws when the server is gone.</summary>
internal sealed class FakeDbException() : DbException("connection refused");
