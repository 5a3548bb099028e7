using System.Diagnostics;
using System.Security.Cryptography;
using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Persistence;

/// <summary>A temp folder holding a real SQLite file, stores opened on it, and their logs; removes everything on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly List<SqliteScenarioStore> _stores = [];
    private readonly List<string> _protected = [];

    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "scenarios.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    /// <summary>A store on <see cref="DatabasePath"/>, not yet initialised.</summary>
    public SqliteScenarioStore Create(Action<ScenarioStoreOptions>? configure = null)
    {
        var options = new ScenarioStoreOptions { DatabasePath = DatabasePath };
        configure?.Invoke(options);
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        var store = new SqliteScenarioStore(options, Folder, Clock, factory.CreateLogger<SqliteScenarioStore>());
        _stores.Add(store);
        return store;
    }

    /// <summary>A store on <see cref="DatabasePath"/>, initialised.</summary>
    public async Task<SqliteScenarioStore> OpenAsync(Action<ScenarioStoreOptions>? configure = null)
    {
        SqliteScenarioStore store = Create(configure);
        await store.InitializeAsync().WaitAsync(Bounded.Timeout);
        return store;
    }

    /// <summary>Closes a store so the file can be reopened, protected or inspected.</summary>
    public static void Close(SqliteScenarioStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>SHA-256 of the database file and its WAL (if any): equal before and after means nothing changed.</summary>
    public string Fingerprint()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>
    /// Makes a file or folder read-only for this process: mode 0444/0555, and, because root ignores modes,
    /// the immutable attribute (chattr +i) when writing is still possible. Fails the test if neither works.
    /// </summary>
    public void MakeReadOnly(string path)
    {
        bool folder = Directory.Exists(path);
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, folder
            ? UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        _protected.Add(path);
        if (CanWrite(path, folder))
        {
            RunChattr("+i", path);
        }

        Assert.False(CanWrite(path, folder), $"Could not make {path} read-only for this process (root without chattr?).");
    }

    public void MakeWritable(string path)
    {
        if (_protected.Remove(path))
        {
            RunChattr("-i", path);
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
                return;
            }

            File.SetUnixFileMode(path, Directory.Exists(path)
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose()
    {
        foreach (SqliteScenarioStore store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        foreach (string path in _protected.ToArray())
        {
            MakeWritable(path);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test.
        }
    }

    private static bool CanWrite(string path, bool folder)
    {
        try
        {
            if (folder)
            {
                string probe = Path.Combine(path, ".write-probe");
                File.WriteAllText(probe, "x");
                File.Delete(probe);
            }
            else
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void RunChattr(string flag, string path)
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true });
            process?.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No chattr: MakeReadOnly's assertion reports it.
        }
    }
}
