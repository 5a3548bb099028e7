using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corridors.BadInput;
using Corridors.Contracts.V1;
using Corridors.Domain.Dataset;
using Corridors.Domain.Geo;
using Corridors.Server.Hosting;
using Corridors.Server.Security;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Corridors.Server.Tests.BadInput;

/// <summary>
/// The bad-input catalogue (<see cref="RequestCatalogue"/>, <see cref="FileCatalogue"/>, <see cref="SettingsCatalogue"/>,
/// and the CLI's in <c>Corridors.Cli.Tests/BadInput</c>): one theory per surface, a test per case, each asserting the
/// status, the message and that nothing changed.
/// </summary>
public static class Catalogue
{
    public static IReadOnlyList<BadInputCase> All { get; } = [.. RequestCatalogue.All, .. FileCatalogue.All, .. SettingsCatalogue.All];

    public static BadInputCase Find(string name) => All.Single(c => c.Name == name);

    /// <summary>The names of one surface's cases, for <c>MemberData</c> (names serialise, so each case is its own test).</summary>
    public static TheoryData<string> Names(string surface)
    {
        var names = new TheoryData<string>();
        foreach (BadInputCase entry in All.Where(c => c.Surface == surface))
        {
            names.Add(entry.Name);
        }

        return names;
    }

    /// <summary>Asserts the outcome of a case: its code and its message, exact or as a prefix.</summary>
    public static void AssertOutcome(BadInputCase entry, int code, string message)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Message == "?")
        {
            Assert.Fail($"ACTUAL {entry.Name} code={code} message={message}");
        }

        Assert.Equal(entry.Expected, code);
        if (entry.Match == Match.Exact)
        {
            Assert.Equal(entry.Message, message);
        }
        else
        {
            Assert.StartsWith(entry.Message, message, StringComparison.Ordinal);
        }
    }
}

public sealed class CatalogueShapeTests
{
    [Fact]
    public void Catalogue_HasUniqueNames_AndAtLeast80Cases()
    {
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(Catalogue.All.Count >= 80, $"{Catalogue.All.Count} cases");
    }
}

/// <summary>
/// The in-memory server the request cases run against: a copy of <c>networks/</c> in which "Rhine Port" is an alias of
/// both Duisburg and Rotterdam (the real network has no ambiguous name), the writer and reader keys of
/// <see cref="ScenarioServer"/>, and one stored scenario at version 1.
/// </summary>
public sealed class RequestServer : IDisposable
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly MethodDescriptor[] Methods = [.. new[]
    {
        CatalogReflection.Descriptor, ComparisonReflection.Descriptor, MetricsReflection.Descriptor, ScenariosReflection.Descriptor, CapacityReflection.Descriptor,
    }.SelectMany(file => file.Services).SelectMany(service => service.Methods)];

    private readonly NetworkCopy _network = new();

    public RequestServer()
    {
        _network.AddAlias("duisburg", "Rhine Port");
        _network.AddAlias("rotterdam", "Rhine Port");
        Dictionary<string, string?> settings = ScenarioServer.Settings();
        settings["Corridors:NetworksDirectory"] = _network.Directory;
        Factory = new ServerFactory(settings);
        Grpc = Factory.CreateChannel();
        GrpcWeb = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Factory.Server.CreateHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        Http = Factory.CreateClient();
        new ScenarioService.ScenarioServiceClient(Grpc).CreateScenario(
            new CreateScenarioRequest { Id = RequestCatalogue.StoredId, Definition = RequestCatalogue.GoodDocument }, ScenarioServer.Writer, Bounded.Deadline());
        GoodAnswer = GoodAnswerNow();
    }

    public ServerFactory Factory { get; }

    public GrpcChannel Grpc { get; }

    public GrpcChannel GrpcWeb { get; }

    public HttpClient Http { get; }

    /// <summary>The good comparison's response bytes when the server started.</summary>
    public byte[] GoodAnswer { get; }

    public byte[] GoodAnswerNow() =>
        new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { AsOf = "2024-06-01" } }
            is var request
            ? new ComparisonService.ComparisonServiceClient(Grpc).CompareCorridors(request, deadline: Bounded.Deadline()).ToByteArray()
            : [];

    public byte[] ScenarioList() =>
        new ScenarioService.ScenarioServiceClient(Grpc).ListScenarios(new ListScenariosRequest(), deadline: Bounded.Deadline()).ToByteArray();

    /// <summary>Sends a grpc / grpc-web case's input; returns the status code and detail (0 and "answered" if it was answered).</summary>
    public static async Task<(int Code, string Message)> CallAsync(GrpcChannel channel, string input)
    {
        string[] parts = input.Split(' ', 2);
        MethodDescriptor method = Methods.Single(m => m.Service.FullName + "/" + m.Name == parts[0]);
        (Metadata headers, string body) = KeyAndBody(parts[1]);
        byte[] bytes = Body(body) ?? JsonParser.Default.Parse(body, method.InputType).ToByteArray();
        var options = new CallOptions(headers, Bounded.Deadline());
        CallInvoker invoker = channel.CreateCallInvoker();
        try
        {
            if (method.IsServerStreaming)
            {
                var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, method.Service.FullName, method.Name, Raw, Raw);
                using AsyncServerStreamingCall<byte[]> call = invoker.AsyncServerStreamingCall(streaming, null, options, bytes);
                await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bounded.Timeout);
            }
            else
            {
                var unary = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
                using AsyncUnaryCall<byte[]> call = invoker.AsyncUnaryCall(unary, null, options, bytes);
                await call.ResponseAsync.WaitAsync(Bounded.Timeout);
            }

            return (0, "answered");
        }
        catch (RpcException refused)
        {
            return ((int)refused.StatusCode, refused.Status.Detail);
        }
    }

    /// <summary>Sends a json case's input; returns the HTTP status and the message of the google.rpc.Status body (or the body).</summary>
    public async Task<(int Code, string Message)> SendAsync(string input)
    {
        string[] parts = input.Split(' ', 3);
        (Metadata headers, string body) = KeyAndBody(parts.Length > 2 ? parts[2] : string.Empty);
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri(parts[1], UriKind.Relative));
        foreach (Metadata.Entry header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(Body(body) ?? Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        using HttpResponseMessage response = await Http.SendAsync(request).WaitAsync(Bounded.Timeout);
        string text = await response.Content.ReadAsStringAsync().WaitAsync(Bounded.Timeout);
        try
        {
            using JsonDocument json = JsonDocument.Parse(text);
            return ((int)response.StatusCode, json.RootElement.TryGetProperty("message", out JsonElement message) ? message.GetString() ?? string.Empty : text);
        }
        catch (JsonException)
        {
            return ((int)response.StatusCode, text);
        }
    }

    private static (Metadata Headers, string Body) KeyAndBody(string rest)
    {
        var headers = new Metadata();
        if (!rest.StartsWith("key:", StringComparison.Ordinal))
        {
            return (headers, rest);
        }

        string[] parts = rest.Split(' ', 2);
        string key = parts[0][4..];
        headers.Add(ApiKeyAuthenticator.HeaderName, key switch
        {
            "writer" or "twice" => ScenarioServer.WriterKey,
            "reader" => ScenarioServer.ReaderKey,
            _ => "not-a-key",
        });
        if (key == "twice")
        {
            headers.Add(ApiKeyAuthenticator.HeaderName, ScenarioServer.WriterKey);
        }

        return (headers, parts.Length > 1 ? parts[1] : string.Empty);
    }

    /// <summary>Raw bodies: <c>hex:…</c> or <c>zeros:N</c>; null for text.</summary>
    private static byte[]? Body(string body) =>
        body.StartsWith("hex:", StringComparison.Ordinal) ? Convert.FromHexString(body[4..])
        : body.StartsWith("zeros:", StringComparison.Ordinal) ? new byte[int.Parse(body[6..], System.Globalization.CultureInfo.InvariantCulture)]
        : null;

    public void Dispose()
    {
        Http.Dispose();
        GrpcWeb.Dispose();
        Grpc.Dispose();
        Factory.Dispose();
        _network.Dispose();
    }
}

public sealed class BadRequestTests(RequestServer server) : IClassFixture<RequestServer>
{
    public static TheoryData<string> Grpc => Catalogue.Names(Surfaces.Grpc);

    public static TheoryData<string> Json => Catalogue.Names(Surfaces.Json);

    public static TheoryData<string> GrpcWeb => Catalogue.Names(Surfaces.GrpcWeb);

    [Theory]
    [MemberData(nameof(Grpc))]
    public Task GrpcCase_IsRefusedWithItsStatusAndMessage_AndChangesNothing(string name) =>
        RunAsync(Catalogue.Find(name), input => RequestServer.CallAsync(server.Grpc, input));

    [Theory]
    [MemberData(nameof(Json))]
    public Task JsonCase_IsRefusedWithItsHttpStatusAndMessage_AndChangesNothing(string name) =>
        RunAsync(Catalogue.Find(name), server.SendAsync);

    [Theory]
    [MemberData(nameof(GrpcWeb))]
    public Task GrpcWebCase_IsRefusedWithItsStatusAndMessage_AndChangesNothing(string name) =>
        RunAsync(Catalogue.Find(name), input => RequestServer.CallAsync(server.GrpcWeb, input));

    private async Task RunAsync(BadInputCase entry, Func<string, Task<(int, string)>> send)
    {
        byte[] scenariosBefore = server.ScenarioList();

        (int code, string message) = await send(entry.Input);

        Catalogue.AssertOutcome(entry, code, message);
        switch (entry.Unchanged)
        {
            case Unchanged.ScenarioList:
                Assert.Equal(scenariosBefore, server.ScenarioList());
                break;
            case Unchanged.GoodAnswer:
                Assert.Equal(server.GoodAnswer, server.GoodAnswerNow());
                break;
            default:
                Assert.Fail($"{entry.Unchanged} is not a check for requests");
                break;
        }
    }
}

public sealed class BadFileTests
{
    public static TheoryData<string> Networks => Catalogue.Names(Surfaces.Networks);

    public static TheoryData<string> Measures => Catalogue.Names(Surfaces.Measures);

    public static TheoryData<string> EmissionFactors => Catalogue.Names(Surfaces.EmissionFactors);

    public static TheoryData<string> Scenarios => Catalogue.Names(Surfaces.ScenarioFile);

    [Theory]
    [MemberData(nameof(Networks))]
    public void NetworkFile_Broken_IsReportedAndNothingLoads(string name) => Run(Catalogue.Find(name));

    [Theory]
    [MemberData(nameof(Measures))]
    public void MeasuresFile_Broken_IsReportedAndNothingLoads(string name) => Run(Catalogue.Find(name));

    [Theory]
    [MemberData(nameof(EmissionFactors))]
    public void EmissionFactorsFile_Broken_IsReportedAndNothingLoads(string name) => Run(Catalogue.Find(name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioFile_Broken_IsReportedAndNothingLoads(string name) => Run(Catalogue.Find(name));

    private static void Run(BadInputCase entry)
    {
        Assert.Equal(Unchanged.NoDataset, entry.Unchanged);
        string realBefore = Digest(NetworkCopy.RealNetworks);
        using var copy = new NetworkCopy();
        FileEdit.Apply(copy.Directory, entry.Input);

        CorridorDatasetLoadResult result = new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(copy.Directory);

        // The copy's temp folder, where a problem names it, reads as "networks".
        string message = string.Join("\n", result.Problems).Replace(copy.Directory, "networks", StringComparison.Ordinal);
        Catalogue.AssertOutcome(entry, result.Problems.Count, message);
        Assert.Null(result.Dataset);
        Assert.Equal(realBefore, Digest(NetworkCopy.RealNetworks));
    }

    /// <summary>SHA-256 over every file's relative path and bytes.</summary>
    private static string Digest(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

public sealed class BadSettingsTests
{
    public static TheoryData<string> Settings => Catalogue.Names(Surfaces.Settings);

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_Bad_StopsStartUpWithOneLineForExit78(string name)
    {
        BadInputCase entry = Catalogue.Find(name);
        var files = new List<string>();
        var settings = new Dictionary<string, string?>();
        foreach (string pair in entry.Input.Split("; "))
        {
            string[] kv = pair.Split('=', 2);
            string value = kv[1];
            if (value.StartsWith('@'))
            {
                string file = Path.Combine(Path.GetTempPath(), "corridors-badinput-" + Guid.NewGuid().ToString("N") + ".json");
                File.WriteAllText(file, value[1..]);
                files.Add(file);
                value = file;
            }

            settings["Corridors:" + kv[0]] = value;
        }

        try
        {
            (ServerFactory factory, Exception refused) = RefusedStart(settings);
            using ServerFactory started = factory;

            bool described = StartupFailure.TryDescribe(refused, out string line);
            Assert.True(described, $"not described as a configuration error: {refused}");
            // A temp file's path, where the line names it, reads as "<file>".
            string message = files.Aggregate(described ? line : refused.ToString(), (text, file) => text.Replace(file, "<file>", StringComparison.Ordinal));
            Catalogue.AssertOutcome(entry, described ? StartupFailure.ExitCode : 70, message);
            Assert.False(File.Exists(factory.StorePath), "the scenario database was created");
        }
        finally
        {
            files.ForEach(File.Delete);
        }
    }

    /// <summary>
    /// Starts the server on <paramref name="settings"/> and returns what refused it. The test host
    /// (WebApplicationFactory's deferred host, which runs Program on another thread) sometimes loses that race: the
    /// program has already disposed its services when the host asks them for its lifetime, and the host then throws
    /// its own ObjectDisposedException from DeferredHost.StartAsync instead of the program's error (dotnet/aspnetcore
    /// #38335). Only that exception, thrown by the test host, is retried, at most five times; any other is returned.
    /// </summary>
    private static (ServerFactory Factory, Exception Refused) RefusedStart(Dictionary<string, string?> settings)
    {
        for (int attempt = 1; ; attempt++)
        {
            var factory = new ServerFactory(settings);
            Exception refused = Assert.ThrowsAny<Exception>(() => factory.Server);
            bool hostLostTheRace = refused is ObjectDisposedException
                && refused.StackTrace?.Contains("DeferredHost.StartAsync", StringComparison.Ordinal) == true;
            if (!hostLostTheRace || attempt == 5)
            {
                return (factory, refused);
            }

            factory.Dispose();
        }
    }
}
