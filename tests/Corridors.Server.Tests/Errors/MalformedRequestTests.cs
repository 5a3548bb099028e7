using System.Net;
using System.Text;
using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Tests.Support;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Tests.Errors;

/// <summary>
/// Bodies that are not messages at all: INVALID_ARGUMENT (400) with a short message, one Warning line without a stack
/// trace, the Warning lines rate-limited; oversized JSON bodies refused with 413 before they are parsed.
/// </summary>
public sealed class MalformedRequestTests : IDisposable
{
    private const int MalformedEvent = 2004;
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private readonly ServerFactory _factory = new(Scenarios.ScenarioServer.Settings());
    private readonly GrpcChannel _channel;

    public MalformedRequestTests() => _channel = _factory.CreateChannel();

    public void Dispose()
    {
        _channel.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task InvalidUtf8InAStringField_IsInvalidArgument_LoggedOnceAsAWarningWithoutAStackTrace()
    {
        // Field 1 (origin), length 4: "xi" and two bytes that are not UTF-8 — the reproduction.
        RpcException refused = await CallRawAsync("corridors.v1.ComparisonService", "CompareCorridors", [0x0a, 0x04, (byte)'x', (byte)'i', 0xff, 0xfe]);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("the request body is not a valid CompareCorridorsRequest message", refused.Status.Detail);
        CapturedLogs.LogEntry warning = Assert.Single(_factory.Logs.Entries, e => e.EventId.Id == MalformedEvent);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.Contains("/corridors.v1.ComparisonService/CompareCorridors", warning.Message, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
    }

    /// <summary>
    /// Every method of every corridors.v1 service, unary or streaming, refuses a truncated body the same way (with a
    /// writer key: without one a mutation is refused before its body is read).
    /// </summary>
    [Fact]
    public async Task EveryMethod_RefusesATruncatedBody_WithInvalidArgumentNamingItsRequestType()
    {
        MethodDescriptor[] methods = [.. new[]
        {
            CatalogReflection.Descriptor, ComparisonReflection.Descriptor, MetricsReflection.Descriptor, ScenariosReflection.Descriptor,
        }.SelectMany(file => file.Services).SelectMany(service => service.Methods)];
        Assert.True(methods.Length >= 16, $"{methods.Length} methods");

        foreach (MethodDescriptor method in methods)
        {
            // Field 1, length 5, then the body ends: truncated whatever field 1 is.
            RpcException refused = await CallRawAsync(method.Service.FullName, method.Name, [0x0a, 0x05, (byte)'x'], method.IsServerStreaming, Scenarios.ScenarioServer.Writer);

            Assert.True(StatusCode.InvalidArgument == refused.StatusCode, $"{method.FullName}: {refused.Status}");
            Assert.Equal($"the request body is not a valid {method.InputType.Name} message", refused.Status.Detail);
        }
    }

    [Fact]
    public async Task AFloodOfMalformedBodies_IsLoggedAtMostTenTimesAMinute_AndTheNextLineCountsTheRest()
    {
        for (int i = 0; i < 30; i++)
        {
            await CallRawAsync("corridors.v1.CatalogService", "ResolvePlace", [0x0a, 0x05, (byte)'x']);
        }

        Assert.Equal(MalformedRequestLog.LinesPerMinute, _factory.Logs.Entries.Count(e => e.EventId.Id == MalformedEvent));

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await CallRawAsync("corridors.v1.CatalogService", "ResolvePlace", [0x0a, 0x05, (byte)'x']);

        CapturedLogs.LogEntry[] warnings = [.. _factory.Logs.Entries.Where(e => e.EventId.Id == MalformedEvent)];
        Assert.Equal(MalformedRequestLog.LinesPerMinute + 1, warnings.Length);
        Assert.Contains("(20 more left out of the log since the last such line)", warnings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenJson_Is400InvalidArgument_LoggedOnceAsAWarning()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StringContent("{\"origin\": \"xian\", \"destination\": 5", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync("/v1/comparisons", body).Within();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        CapturedLogs.LogEntry warning = Assert.Single(_factory.Logs.Entries, e => e.EventId.Id == MalformedEvent);
        Assert.Contains("POST /v1/comparisons", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task AWellFormedRequestRefusedByValidation_IsNotLoggedAsMalformed()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StringContent("{\"origin\":\"xian\",\"destination\":\"duisburg\",\"constraints\":{\"asOf\":\"2024-13-01\"}}", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync("/v1/comparisons", body).Within();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("constraints.as_of", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.EventId.Id == MalformedEvent);
    }

    [Fact]
    public async Task A25MegabyteJsonBody_Is413BeforeItIsRead_AndChangesNothing()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new ByteArrayContent(new byte[25 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await client.PostAsync("/v1/scenarios", body).Within();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(
            "{\"code\":8,\"message\":\"the request body is larger than 1048576 bytes (Corridors:MaxRequestMessageBytes)\",\"details\":[]}",
            await response.Content.ReadAsStringAsync());
        using HttpResponseMessage list = await client.GetAsync("/v1/scenarios").Within();
        Assert.DoesNotContain("SCENARIO_ORIGIN_STORED", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedChunkedJsonBody_Is413()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/comparisons") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await client.SendAsync(request).Within();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ASmallChunkedJsonBody_IsAnsweredAsUsual()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"origin\":\"xian\",\"destination\":\"duisburg\",\"constraints\":{\"asOf\":\"2024-06-01\"}}")));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/comparisons") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        using HttpResponseMessage response = await client.SendAsync(request).Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"corridorId\":\"northern\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<RpcException> CallRawAsync(string service, string method, byte[] body, bool serverStreaming = false, Metadata? headers = null)
    {
        CallInvoker invoker = _channel.CreateCallInvoker();
        var options = new CallOptions(headers, Bounded.Deadline());
        if (serverStreaming)
        {
            var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Raw, Raw);
            using AsyncServerStreamingCall<byte[]> call = invoker.AsyncServerStreamingCall(streaming, null, options, body);
            return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None)).Within();
        }

        var unary = new Method<byte[], byte[]>(MethodType.Unary, service, method, Raw, Raw);
        using AsyncUnaryCall<byte[]> unaryCall = invoker.AsyncUnaryCall(unary, null, options, body);
        return await Assert.ThrowsAsync<RpcException>(() => unaryCall.ResponseAsync).Within();
    }
}
