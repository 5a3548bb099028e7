using Corridors.Contracts.V1;
using Corridors.Server.Security;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>
/// An in-memory server with a writer key and a reader key configured and its own SQLite scenario file in a temp
/// folder, shared by the scenario tests of the collection (each test uses its own scenario ids).
/// </summary>
public sealed class ScenarioServer : IDisposable
{
    public const string Name = "scenarios";

    public const string WriterKey = "writer-key-for-tests-7f3c";
    public const string ReaderKey = "reader-key-for-tests-2b9e";

    public ScenarioServer()
    {
        Factory = new ServerFactory(Settings());
        Client = new ScenarioService.ScenarioServiceClient(Factory.CreateChannel());
    }

    public ServerFactory Factory { get; }

    public ScenarioService.ScenarioServiceClient Client { get; }

    /// <summary>Settings with the two keys (hashed, as configured in production) and no practical mutation limit.</summary>
    public static Dictionary<string, string?> Settings(string? databasePath = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corridors:ApiKeys:Keys:0:Principal"] = "planning-team",
            ["Corridors:ApiKeys:Keys:0:Sha256"] = ApiKeyHasher.Hash(WriterKey),
            ["Corridors:ApiKeys:Keys:0:Role"] = "writer",
            ["Corridors:ApiKeys:Keys:1:Principal"] = "dashboard",
            ["Corridors:ApiKeys:Keys:1:Sha256"] = ApiKeyHasher.Hash(ReaderKey),
            ["Corridors:ApiKeys:Keys:1:Role"] = "reader",

            // The collection's tests write far more than a real client would in a minute; RateLimitTests cover limits.
            ["Corridors:RateLimits:Mutations:Burst"] = "100000",
            ["Corridors:RateLimits:Mutations:PermitsPerMinute"] = "100000",
        };
        if (databasePath is not null)
        {
            settings[ServerFactory.StorePathKey] = databasePath;
        }

        return settings;
    }

    public static Metadata Key(string key) => new() { { ApiKeyAuthenticator.HeaderName, key } };

    public static Metadata Writer => Key(WriterKey);

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(ScenarioServer.Name)]
public sealed class ScenarioServerDefinition : ICollectionFixture<ScenarioServer>;

/// <summary>Scenario documents for the tests, on real link and place ids.</summary>
public static class Definitions
{
    /// <summary>Closes the Brest–Małaszewicze rail crossing for good: the Northern corridor's way into the EU.</summary>
    public static string CloseBrest(string id, string name = "Brest closed") =>
        $$"""{"id":"{{id}}","name":"{{name}}","description":"test","sources":["BC-19"],"changes":[{"type":"close-link","link":"brest-malaszewicze"}]}""";

    /// <summary>Closes Bab-el-Mandeb for good.</summary>
    public static string CloseRedSea(string id) =>
        $$"""{"id":"{{id}}","name":"Red Sea closed (test)","changes":[{"type":"close-place","place":"bab-el-mandeb"}]}""";
}
