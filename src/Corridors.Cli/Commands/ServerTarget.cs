using Corridors.Application.Queries;
using Corridors.Contracts.Client;
using Corridors.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.Cli.Commands;

/// <summary>
/// Answers by asking a running Corridors server over gRPC (<c>--server URL</c>; several comma-separated URLs balance
/// the calls round-robin over replicas, <see cref="ServerChannel"/>). Its refusals (INVALID_ARGUMENT,
/// NOT_FOUND) come back as the field errors the server's application layer wrote, in its order; any other failure
/// throws <see cref="ServerUnavailableException"/>.
/// </summary>
internal sealed class ServerTarget : QueryTarget
{
    /// <summary>How long a query may take on the server before the CLI gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _shown;
    private readonly GrpcChannel _channel;
    private readonly ComparisonService.ComparisonServiceClient _client;
    private readonly CapacityService.CapacityServiceClient _capacity;

    public ServerTarget(IReadOnlyList<Uri> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        _shown = Show(addresses);
        _channel = ServerChannel.Open(addresses);
        _client = new ComparisonService.ComparisonServiceClient(_channel);
        _capacity = new CapacityService.CapacityServiceClient(_channel);
    }

    /// <summary>The addresses <c>--server</c> names, or null after reporting a value that is not a list of http(s) URLs.</summary>
    public static IReadOnlyList<Uri>? Addresses(CliContext context, string server)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ServerChannel.ParseAddresses(server, out string? problem) is { } addresses)
        {
            return addresses;
        }

        context.Error.WriteLine($"corridors: --server: {problem}");
        return null;
    }

    /// <summary>The addresses as messages name them.</summary>
    public static string Show(IReadOnlyList<Uri> addresses) => string.Join(",", addresses);

    public override ContractResult<CompareCorridorsResponse> CompareCorridors(CompareCorridorsRequest request) =>
        Call(options => _client.CompareCorridors(request, options));

    public override ContractResult<FindRoutesResponse> FindRoutes(FindRoutesRequest request) =>
        Call(options => _client.FindRoutes(request, options));

    public override ContractResult<FindParetoRoutesResponse> FindParetoRoutes(FindParetoRoutesRequest request) =>
        Call(options => _client.FindParetoRoutes(request, options));

    public override ContractResult<AnalyzeCapacityResponse> AnalyzeCapacity(AnalyzeCapacityRequest request) =>
        Call(options => _capacity.AnalyzeCapacity(request, options));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _channel.Dispose();
        }

        base.Dispose(disposing);
    }

    private ContractResult<T> Call<T>(Func<CallOptions, T> call)
        where T : class
    {
        try
        {
            // Deadlines are wall time: the machine's clock, never the (possibly pinned) business date.
            return ContractResult<T>.Success(call(new CallOptions(deadline: CliContext.DeadlineIn(Timeout))));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            return ContractResult<T>.Failure(Refusals(e));
        }
        catch (RpcException e)
        {
            string hint = e.StatusCode == StatusCode.Unavailable
                ? " Is a Corridors server running there? Start one with: dotnet run --project src/Corridors.Server"
                : string.Empty;
            throw new ServerUnavailableException($"--server {_shown}: {e.StatusCode}: {e.Status.Detail}{hint}", e);
        }
    }

    /// <summary>The field violations of a refusal as the server's contract errors (kind from the reason, so their order survives).</summary>
    private static List<ContractError> Refusals(RpcException e)
    {
        BadRequest? badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        ContractErrorKind statusKind = e.StatusCode == StatusCode.NotFound ? ContractErrorKind.NotFound : ContractErrorKind.InvalidArgument;
        if (badRequest is null || badRequest.FieldViolations.Count == 0)
        {
            return [new ContractError(statusKind, string.Empty, e.Status.Detail, string.Empty, [])];
        }

        return [.. badRequest.FieldViolations.Select(v => new ContractError(
            v.Reason == ContractError.InvalidFieldReason ? ContractErrorKind.InvalidArgument : ContractErrorKind.NotFound,
            v.Field, v.Description, v.Reason, []))];
    }
}

/// <summary>The server named by <c>--server</c> could not answer; the message says where and why.</summary>
internal sealed class ServerUnavailableException(string message, Exception inner) : Exception(message, inner);
