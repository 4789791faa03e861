using Microsoft.Data.Sqlite;

namespace VirtualShopping.Tests.Support;

/// <summary>A real SQLite database file of its own, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"vs-{Guid.NewGuid():N}.db");
    }

    public static string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "virtualshopping-tests");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
