using Corridors.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Corridors.Server.Security;

/// <summary>
/// Access control for the corridors.v1 services, in one place: the scenario mutations (create, update, delete) need
/// a writer key; every other corridors.v1 call is a read (open, or any valid key when
/// <see cref="ApiKeyOptions.ReadsRequireKey"/>). Health and reflection stay open. A refused call never reaches its
/// service, so nothing changes.
/// </summary>
public sealed class ApiKeyInterceptor(ApiKeyAuthenticator authenticator) : Interceptor
{
    private static readonly string ServicesPrefix = "/" + ScenarioService.Descriptor.File.Package + ".";

    private static readonly HashSet<string> Mutations = new(
        ScenarioService.Descriptor.Methods
            .Where(m => m.Name is "CreateScenario" or "UpdateScenario" or "DeleteScenario")
            .Select(m => $"/{m.Service.FullName}/{m.Name}"),
        StringComparer.Ordinal);

    /// <summary>What a method needs; null for methods outside corridors.v1 (health, reflection).</summary>
    public static AccessKind? AccessOf(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!method.StartsWith(ServicesPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return Mutations.Contains(method) ? AccessKind.Write : AccessKind.Read;
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Check(context);
        return continuation(request, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AccessOf(context.Method) is { } access
            && authenticator.Authorize(context.RequestHeaders, access) is AccessDecision.Denied denied)
        {
            throw denied.ToRpcException();
        }
    }
}
