using System.Net;
using System.Reflection;
using Corridors.Contracts.V1;
using Corridors.Server.Security;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Server.Tests.Security;

/// <summary>
/// Access by policy, swept over every method the server maps: each endpoint is marked (a policy or AllowAnonymous),
/// every mutation needs the writer policy, and anonymous and reader calls to each mutation are refused over gRPC and
/// JSON before the service runs, so nothing changes.
/// </summary>
[Collection(ScenarioServer.Name)]
public sealed class AuthorizationSweepTests(ScenarioServer server)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>Every corridors.v1 method, from the protos' descriptors.</summary>
    public static TheoryData<string> Methods() => [.. AllMethods().Select(m => m.FullName)];

    /// <summary>A mutation is any method that creates, updates or deletes (by the API's naming rule).</summary>
    public static TheoryData<string> Mutations() => [.. AllMethods().Where(IsMutation).Select(m => m.FullName)];

    [Fact]
    public void EveryMappedEndpoint_IsMarkedWithAPolicyOrOpenOnPurpose()
    {
        Endpoint[] endpoints = [.. server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints];
        Assert.NotEmpty(endpoints);

        string[] unmarked = [.. endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName ?? "?")];

        // grpc-dotnet's catch-alls for unknown services and methods answer UNIMPLEMENTED to everyone; the fallback
        // policy closes them, which is fine: nothing else may be unmarked.
        Assert.All(unmarked, name => Assert.Contains("unimplemented", name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EachMethod_CarriesTheWriterPolicyExactlyWhenItIsAMutation(string fullName)
    {
        MethodDescriptor method = AllMethods().Single(m => m.FullName == fullName);
        Type service = typeof(Corridors.Server.Services.ScenarioGrpcService).Assembly.GetTypes()
            .Single(t => t.BaseType?.DeclaringType?.Name == method.Service.Name && t.Name.EndsWith("GrpcService", StringComparison.Ordinal));
        MethodInfo implementation = service.GetMethod(method.Name)!;

        string[] policies = [.. service.GetCustomAttributes<AuthorizeAttribute>().Concat(implementation.GetCustomAttributes<AuthorizeAttribute>())
            .Select(a => a.Policy ?? "")];

        Assert.Contains(ApiKeyPolicies.Reader, policies);
        Assert.Equal(IsMutation(method), policies.Contains(ApiKeyPolicies.Writer));
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task EachMutation_AnonymousOrReader_IsRefusedOverGrpcBeforeItsBodyIsRead(string fullName)
    {
        MethodDescriptor method = AllMethods().Single(m => m.FullName == fullName);
        using GrpcChannel channel = server.Factory.CreateChannel();
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
        byte[] malformed = [0x0a, 0x05, (byte)'x']; // would be INVALID_ARGUMENT if the body were read

        RpcException anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: Bounded.Deadline()), malformed).ResponseAsync).Within();
        RpcException reader = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(ScenarioServer.Key(ScenarioServer.ReaderKey), Bounded.Deadline()), malformed).ResponseAsync).Within();

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal("Changing scenarios needs an API key in the x-api-key metadata.", anonymous.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, reader.StatusCode);
        Assert.Equal("The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.", reader.Status.Detail);
    }

    [Theory]
    [InlineData("POST", "/v1/scenarios")]
    [InlineData("PUT", "/v1/scenarios/sweep-json")]
    [InlineData("DELETE", "/v1/scenarios/sweep-json?expectedVersion=1")]
    public async Task EachMutation_AnonymousOrReader_IsRefusedOverJson(string verb, string path)
    {
        using HttpClient client = server.Factory.CreateClient();
        string definition = Definitions.CloseBrest("sweep-json");
        string body = $$"""{"id":"sweep-json","definition":{{System.Text.Json.JsonSerializer.Serialize(definition)}}}""";

        using HttpResponseMessage anonymous = await client.SendAsync(Request(verb, path, body, key: null)).Within();
        using HttpResponseMessage reader = await client.SendAsync(Request(verb, path, body, ScenarioServer.ReaderKey)).Within();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("""{"code":16,"message":"Changing scenarios needs an API key in the x-api-key metadata.","details":[]}""", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Contains("\"code\":7", await reader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage after = await client.GetAsync("/v1/scenarios/sweep-json").Within();
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    /// <summary>grpc-dotnet's catch-all for unknown methods is an endpoint nobody marked: the fallback closes it.</summary>
    [Fact]
    public async Task AnUnmarkedEndpoint_IsClosedByTheFallbackPolicy()
    {
        using GrpcChannel channel = server.Factory.CreateChannel();
        var unknown = new Method<byte[], byte[]>(MethodType.Unary, "corridors.v1.CatalogService", "NoSuchMethod", Raw, Raw);

        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker()
            .AsyncUnaryCall(unknown, null, new CallOptions(ScenarioServer.Writer, Bounded.Deadline()), []).ResponseAsync).Within();

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.EndsWith("is closed: no access policy marks it.", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPath_IsNotFound_NotRefused()
    {
        using HttpClient client = server.Factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync("/v1/no-such-thing").Within();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HealthAndReflection_StayOpenWithoutAKey()
    {
        using GrpcChannel channel = server.Factory.CreateChannel();
        var health = new Grpc.Health.V1.Health.HealthClient(channel);

        Grpc.Health.V1.HealthCheckResponse answer = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), deadline: Bounded.Deadline()).Within();

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    private static HttpRequestMessage Request(string verb, string path, string body, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(verb), path);
        if (verb != "DELETE")
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthenticator.HeaderName, key);
        }

        return request;
    }

    private static bool IsMutation(MethodDescriptor method) =>
        method.Name.StartsWith("Create", StringComparison.Ordinal)
        || method.Name.StartsWith("Update", StringComparison.Ordinal)
        || method.Name.StartsWith("Delete", StringComparison.Ordinal);

    private static IEnumerable<MethodDescriptor> AllMethods() =>
        new[] { CatalogReflection.Descriptor, ComparisonReflection.Descriptor, MetricsReflection.Descriptor, ScenariosReflection.Descriptor }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods);
}
