using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.Cli.Commands;

/// <summary>
/// The <c>--server URL</c> path of the query commands: send the request to a running Corridors server over gRPC
/// and print its answer — with <c>--json</c> the proto3 JSON of the response, exactly what the in-process path
/// prints for the same query. The server's field violations are printed against the options they came from
/// (exit 2); a server that cannot answer gives exit 69.
/// </summary>
internal static class RemoteQuery
{
    /// <summary>How long a query may take on the server before the CLI gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static int Run<TResponse>(
        CliContext context,
        string server,
        bool json,
        Func<CallInvoker, CallOptions, TResponse> call,
        Action<TextWriter, TResponse> writeText)
        where TResponse : IMessage
    {
        if (Address(context, server) is not { } address)
        {
            return ExitCodes.UsageError;
        }

        using GrpcChannel channel = GrpcChannel.ForAddress(address);
        TResponse response;
        try
        {
            response = call(channel.CreateCallInvoker(), new CallOptions(deadline: CliContext.DeadlineIn(Timeout)));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            BadRequest? badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
            if (badRequest is null || badRequest.FieldViolations.Count == 0)
            {
                context.Error.WriteLine($"corridors: {e.Status.Detail}");
            }
            else
            {
                foreach (BadRequest.Types.FieldViolation violation in badRequest.FieldViolations)
                {
                    context.Error.WriteLine($"corridors: {QueryOptions.OptionFor(violation.Field)}: {violation.Description}");
                }
            }

            return ExitCodes.UsageError;
        }
        catch (RpcException e)
        {
            string hint = e.StatusCode == StatusCode.Unavailable
                ? " Is a Corridors server running there? Start one with: dotnet run --project src/Corridors.Server"
                : string.Empty;
            context.Error.WriteLine($"corridors: --server {address}: {e.StatusCode}: {e.Status.Detail}{hint}");
            return ExitCodes.ServerUnavailable;
        }

        if (json)
        {
            context.Output.WriteLine(ProtoJson.Format(response, indented: true));
        }
        else
        {
            writeText(context.Output, response);
        }

        return ExitCodes.Success;
    }

    /// <summary>The server's address, or null after reporting a value that is not an http(s) URL.</summary>
    public static Uri? Address(CliContext context, string server)
    {
        if (Uri.TryCreate(server, UriKind.Absolute, out Uri? address) && address.Scheme is "http" or "https")
        {
            return address;
        }

        context.Error.WriteLine($"corridors: --server: '{server}' is not an http:// or https:// URL");
        return null;
    }

    public static CompareCorridorsResponse Compare(CallInvoker invoker, CallOptions options, CompareCorridorsRequest request) =>
        new ComparisonService.ComparisonServiceClient(invoker).CompareCorridors(request, options);

    public static FindRoutesResponse Routes(CallInvoker invoker, CallOptions options, FindRoutesRequest request) =>
        new ComparisonService.ComparisonServiceClient(invoker).FindRoutes(request, options);

    public static FindParetoRoutesResponse Pareto(CallInvoker invoker, CallOptions options, FindParetoRoutesRequest request) =>
        new ComparisonService.ComparisonServiceClient(invoker).FindParetoRoutes(request, options);

    /// <summary>Prints option errors found before any call and returns exit 2; 0 errors returns null.</summary>
    public static int? Fail(CliContext context, List<string> errors)
    {
        foreach (string error in errors)
        {
            context.Error.WriteLine($"corridors: {error}");
        }

        return errors.Count > 0 ? ExitCodes.UsageError : null;
    }
}
