using System.Text.Json;
using System.Text.Json.Nodes;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Tests.Support;

/// <summary>
/// A private copy of the valid fixture network in a temp folder, for tests that break one thing and load it.
/// </summary>
internal sealed class NetworkFixture : IDisposable
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private NetworkFixture(string directory) => Directory = directory;

    /// <summary>The hand-made valid network copied next to the test assembly.</summary>
    public static string ValidDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid");

    public string Directory { get; }

    public static NetworkFixture CopyOfValid()
    {
        string directory = Path.Combine(Path.GetTempPath(), "corridors-fixture-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        foreach (string file in System.IO.Directory.EnumerateFiles(ValidDirectory))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return new NetworkFixture(directory);
    }

    public static NetworkLoadResult LoadValid() => new NetworkLoader(Wgs84.CreateFactory()).Load(ValidDirectory);

    public NetworkLoadResult Load() => new NetworkLoader(Wgs84.CreateFactory()).Load(Directory);

    /// <summary>Edits the properties of the feature with the given id in the given file.</summary>
    public NetworkFixture EditProperties(string file, string featureId, Action<JsonObject> edit) =>
        EditFeature(file, featureId, feature => edit(feature["properties"]!.AsObject()));

    public NetworkFixture EditFeature(string file, string featureId, Action<JsonObject> edit) =>
        EditJson(file, root =>
        {
            JsonObject feature = root["features"]!.AsArray()
                .Select(f => f!.AsObject())
                .Single(f => (string?)f["id"] == featureId);
            edit(feature);
        });

    public NetworkFixture EditJson(string file, Action<JsonNode> edit)
    {
        string path = Path.Combine(Directory, file);
        JsonNode root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(WriteOptions));
        return this;
    }

    /// <summary>Adds a feature (given as JSON text) to a file.</summary>
    public NetworkFixture AddFeature(string file, string featureJson) =>
        EditJson(file, root => root["features"]!.AsArray().Add(JsonNode.Parse(featureJson)));

    public NetworkFixture WriteText(string file, string text)
    {
        File.WriteAllText(Path.Combine(Directory, file), text);
        return this;
    }

    public NetworkFixture AppendText(string file, string text)
    {
        File.AppendAllText(Path.Combine(Directory, file), text);
        return this;
    }

    public NetworkFixture Delete(string file)
    {
        File.Delete(Path.Combine(Directory, file));
        return this;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

internal static class ProblemAssert
{
    /// <summary>
    /// Asserts the load failed without a network and that exactly one problem breaks <paramref name="rule"/>;
    /// returns it for further assertions.
    /// </summary>
    public static NetworkProblem Single(NetworkLoadResult result, NetworkRule rule)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Network);
        List<NetworkProblem> matching = [.. result.Problems.Where(p => p.Rule == rule)];
        Assert.True(matching.Count == 1,
            $"expected exactly one {rule} problem, got {matching.Count}:\n{string.Join("\n", result.Problems)}");
        return matching[0];
    }

    /// <summary>Asserts the only problems are of the given rules (so a mutation does not cascade into noise).</summary>
    public static void OnlyRules(NetworkLoadResult result, params NetworkRule[] rules)
    {
        List<NetworkProblem> others = [.. result.Problems.Where(p => !rules.Contains(p.Rule))];
        Assert.True(others.Count == 0, $"unexpected problems:\n{string.Join("\n", others)}");
    }

    public static void Problem(NetworkProblem problem, string file, string? featureId, string? field, params string[] messageParts)
    {
        Assert.Equal(file, problem.File);
        Assert.Equal(featureId, problem.FeatureId);
        Assert.Equal(field, problem.Field);
        foreach (string part in messageParts)
        {
            Assert.Contains(part, problem.Message, StringComparison.Ordinal);
        }
    }
}
