using Corridors.Contracts.Keys;

namespace Corridors.Cli.Tests.Commands;

/// <summary><c>corridors keys add</c>: a key printed once, only its hash stored, and a server that reads it at start-up accepts it.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string KeysFile => Path.Combine(_folder.Path, "data", "api-keys.json");

    [Fact]
    public void Add_PrintsTheKeyOnce_AndStoresOnlyItsSha256()
    {
        CliRun added = CliRun.Invoke("keys", "add", "--role", "writer", "--name", "me", "--file", KeysFile);

        Assert.Equal(0, added.ExitCode);
        string key = added.Output.Trim();
        Assert.Matches("^ck_[A-Za-z0-9_-]{43}$", key);
        string stored = File.ReadAllText(KeysFile);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        ApiKeyRecord record = Assert.Single(ApiKeyFile.Read(KeysFile));
        Assert.Equal(("me", "writer"), (record.Principal, record.Role));
        Assert.Equal(Server.Security.ApiKeyHasher.Hash(key), record.Sha256);
        Assert.Contains("This is the only time the key is shown.", added.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_TwoKeys_KeepsBoth_AndListShowsNamesAndRolesNeverKeys()
    {
        CliRun writer = CliRun.Invoke("keys", "add", "--role", "writer", "--name", "planning", "--file", KeysFile);
        CliRun reader = CliRun.Invoke("keys", "add", "--role", "reader", "--name", "dashboard", "--file", KeysFile);

        CliRun list = CliRun.Invoke("keys", "list", "--file", KeysFile);

        Assert.Equal((0, 0, 0), (writer.ExitCode, reader.ExitCode, list.ExitCode));
        Assert.Contains("  planning  writer  created ", list.Output, StringComparison.Ordinal);
        Assert.Contains("  dashboard  reader  created ", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(writer.Output.Trim(), list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name", "corridors: --name 'bad name' is not a name: use 1–64 letters, digits, '.', '_' or '-'.")]
    [InlineData("", "corridors: --name '' is not a name: use 1–64 letters, digits, '.', '_' or '-'.")]
    public void Add_ABadName_IsExit2_AndWritesNothing(string name, string message)
    {
        CliRun refused = CliRun.Invoke("keys", "add", "--role", "writer", "--name", name, "--file", KeysFile);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal([message], refused.ErrorLines);
        Assert.False(File.Exists(KeysFile));
    }

    [Fact]
    public void Add_ANameAlreadyThere_IsExit2_AndChangesNothing()
    {
        CliRun.Invoke("keys", "add", "--role", "writer", "--name", "me", "--file", KeysFile);
        string before = File.ReadAllText(KeysFile);

        CliRun again = CliRun.Invoke("keys", "add", "--role", "reader", "--name", "ME", "--file", KeysFile);

        Assert.Equal(2, again.ExitCode);
        Assert.Equal([$"corridors: {KeysFile} already has a key named 'ME'; choose another --name."], again.ErrorLines);
        Assert.Equal(before, File.ReadAllText(KeysFile));
    }

    [Fact]
    public void Add_AnUnknownRole_IsAUsageError()
    {
        CliRun refused = CliRun.Invoke("keys", "add", "--role", "admin", "--name", "me", "--file", KeysFile);

        Assert.Equal(2, refused.ExitCode);
        Assert.False(File.Exists(KeysFile));
    }

    [Fact]
    public void Add_ToAFileThatIsNotAKeysFile_IsExit2_AndLeavesItAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeysFile)!);
        File.WriteAllText(KeysFile, "{ not json");

        CliRun refused = CliRun.Invoke("keys", "add", "--role", "writer", "--name", "me", "--file", KeysFile);

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith($"corridors: {KeysFile} is not a keys file (line 1, at $): it should be {{\"keys\":[", refused.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(KeysFile));
    }

    /// <summary>The README's walkthrough on a fresh clone: add a key, start the server, change a scenario with it.</summary>
    [Fact]
    public void AKeyAdded_IsAcceptedByAServerStartedAfterwards()
    {
        CliRun added = CliRun.Invoke("keys", "add", "--role", "writer", "--name", "walkthrough", "--file", KeysFile);
        string key = added.Output.Trim();
        using var server = new ServerWithKeysFile(KeysFile);
        string document = Path.Combine(_folder.Path, "brest.json");
        File.WriteAllText(document, """{"name":"Brest closed","sources":["BC-19"],"changes":[{"type":"close-link","link":"brest-malaszewicze"}]}""");

        CliRun created = CliRun.InvokeIn(CliRun.RepositoryRoot(), "scenario", "create", "--id", "walkthrough", "--file", document, "--server", server.GrpcUrl, "--api-key", key);

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("walkthrough", created.Output, StringComparison.Ordinal);
    }

    private sealed class ServerWithKeysFile(string keysFile) : LoopbackServer(new Dictionary<string, string?> { ["Corridors:ApiKeys:KeysFile"] = keysFile });
}
