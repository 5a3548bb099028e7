using System.CommandLine;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Corridors.Contracts.Keys;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors keys add --role writer --name me</c>: makes a new API key, prints it once, and stores only its SHA-256
/// in the server's keys file (default <c>src/Corridors.Server/data/api-keys.json</c> in the repository, where
/// <c>dotnet run --project src/Corridors.Server</c> reads it at start-up). <c>corridors keys list</c> shows the
/// names and roles stored.
/// </summary>
internal static partial class KeysCommand
{
    /// <summary>The server's data folder in a clone, from the repository root.</summary>
    private const string ServerKeysFile = "src/Corridors.Server/" + ApiKeyFile.DefaultPath;

    public static Command Create(CliContext context)
    {
        var file = new Option<string?>("--file") { Description = $"The keys file (default: {ServerKeysFile} in the repository)." };
        var role = new Option<string>("--role") { Description = "writer (reads and changes scenarios) or reader (reads only).", Required = true };
        role.AcceptOnlyFromAmong("writer", "reader");
        var name = new Option<string>("--name") { Description = "Who uses the key, as logs show it (letters, digits, '.', '_', '-'; at most 64).", Required = true };
        var add = new Command("add", "Create a key, print it once, and store only its SHA-256 for the server (restart it to use the key).") { role, name, file };
        add.SetAction(parse => Add(context, parse.GetValue(role)!, parse.GetValue(name)!, parse.GetValue(file)));
        var listFile = new Option<string?>("--file") { Description = file.Description };
        var list = new Command("list", "Show the names and roles in the keys file (never the keys).") { listFile };
        list.SetAction(parse => List(context, parse.GetValue(listFile)));
        return new Command("keys", "Manage the API keys the server accepts.") { add, list };
    }

    private static int Add(CliContext context, string role, string name, string? requestedFile)
    {
        if (!PrincipalName().IsMatch(name))
        {
            context.Error.WriteLine($"corridors: --name '{name}' is not a name: use 1–64 letters, digits, '.', '_' or '-'.");
            return ExitCodes.UsageError;
        }

        string path = Resolve(context, requestedFile);
        if (!TryRead(context, path, out IReadOnlyList<ApiKeyRecord> keys))
        {
            return ExitCodes.UsageError;
        }

        if (keys.Any(k => string.Equals(k.Principal, name, StringComparison.OrdinalIgnoreCase)))
        {
            context.Error.WriteLine($"corridors: {path} already has a key named '{name}'; choose another --name.");
            return ExitCodes.UsageError;
        }

        string key = "ck_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        string hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        string createdAt = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        ApiKeyFile.Write(path, [.. keys, new ApiKeyRecord(name, hash, role, createdAt)]);

        context.Output.WriteLine(key);
        context.Error.WriteLine($"corridors: {role} key '{name}' stored (its SHA-256 only) in {path}. This is the only time the key is shown.");
        context.Error.WriteLine("corridors: restart the server to use it; send it as x-api-key, or export CORRIDORS_API_KEY for the CLI.");
        return ExitCodes.Success;
    }

    private static int List(CliContext context, string? requestedFile)
    {
        string path = Resolve(context, requestedFile);
        if (!TryRead(context, path, out IReadOnlyList<ApiKeyRecord> keys))
        {
            return ExitCodes.UsageError;
        }

        context.Output.WriteLine(keys.Count == 0 ? $"no keys in {path}" : $"{keys.Count} key(s) in {path}:");
        foreach (ApiKeyRecord record in keys)
        {
            context.Output.WriteLine($"  {record.Principal}  {record.Role}  created {record.CreatedAt}");
        }

        return ExitCodes.Success;
    }

    private static bool TryRead(CliContext context, string path, out IReadOnlyList<ApiKeyRecord> keys)
    {
        try
        {
            keys = ApiKeyFile.Read(path);
            return true;
        }
        catch (InvalidDataException problem)
        {
            context.Error.WriteLine($"corridors: {problem.Message}");
            keys = [];
            return false;
        }
    }

    /// <summary>As given; else the server's keys file in the repository holding the current folder; else under the current folder.</summary>
    private static string Resolve(CliContext context, string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return Path.GetFullPath(Path.Combine(context.CurrentDirectory, requested));
        }

        return NetworkLocator.RepositoryRoot(context.CurrentDirectory) is { } root
            ? Path.GetFullPath(Path.Combine(root, ServerKeysFile))
            : Path.GetFullPath(Path.Combine(context.CurrentDirectory, ApiKeyFile.DefaultPath));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PrincipalName();
}
