using System.Globalization;
using Corridors.Application.Queries;
using Corridors.Server.Persistence;
using Corridors.Server.Scenarios;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Corridors.Server.Errors;

/// <summary>
/// Scenario outcomes as RPC statuses (rich <c>google.rpc.Status</c>, like <see cref="RpcErrors"/>):
/// <list type="bullet">
/// <item>invalid request or definition → INVALID_ARGUMENT with BadRequest field violations (<c>definition.changes[0].link</c>);</item>
/// <item>stale expected_version → ABORTED, ErrorInfo reason <c>VERSION_CONFLICT</c> with metadata
/// <c>current_version</c> and <c>expected_version</c>;</item>
/// <item>a shipped scenario's update or delete → FAILED_PRECONDITION (<c>SCENARIO_READ_ONLY</c>); its id on create →
/// ALREADY_EXISTS (<c>SCENARIO_EXISTS</c>, with <c>current_version</c>);</item>
/// <item>unknown id → NOT_FOUND (<c>SCENARIO_NOT_FOUND</c>); too many scenarios → RESOURCE_EXHAUSTED;</item>
/// <item>a read-only store → FAILED_PRECONDITION (<c>STORE_READ_ONLY</c>); any other store failure → UNAVAILABLE
/// (<c>STORE_UNAVAILABLE</c>). Reads keep being served either way.</item>
/// </list>
/// </summary>
public static class ScenarioErrors
{
    public const string VersionConflictReason = "VERSION_CONFLICT";
    public const string ReadOnlyReason = "SCENARIO_READ_ONLY";
    public const string ExistsReason = "SCENARIO_EXISTS";
    public const string StoreReadOnlyReason = "STORE_READ_ONLY";
    public const string StoreUnavailableErrorReason = "STORE_UNAVAILABLE";
    public const string LimitReason = "SCENARIO_LIMIT";

    /// <summary>ErrorInfo metadata key with the scenario's current version.</summary>
    public const string CurrentVersionKey = "current_version";

    /// <summary>ErrorInfo metadata key with the version the client sent.</summary>
    public const string ExpectedVersionKey = "expected_version";

    /// <summary>The message for writes to shipped scenarios.</summary>
    public const string ShippedReadOnlyMessage = "shipped scenarios are read-only";

    /// <summary>The scenario a query's scenario_id names (null for the baseline), or NOT_FOUND listing the known ids.</summary>
    public static RegisteredScenario? Resolve(ScenarioRegistry registry, string scenarioId)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.TryResolve(scenarioId, out RegisteredScenario? scenario) is { } error
            ? throw RpcErrors.ToRpcException([error])
            : scenario;
    }

    /// <summary>NOT_FOUND for a scenario id that is not served.</summary>
    public static RpcException NotFound(string id, string? because = null) =>
        Status(StatusCode.NotFound, because ?? $"no scenario has id '{id}'", ContractError.ScenarioNotFoundReason, new() { ["id"] = id });

    /// <summary>The status for any outcome but <see cref="ScenarioMutation.Done"/>.</summary>
    public static RpcException ToRpcException(ScenarioMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        return mutation switch
        {
            ScenarioMutation.Invalid invalid => RpcErrors.ToRpcException(invalid.Errors),
            ScenarioMutation.ShippedReadOnly shipped => Status(StatusCode.FailedPrecondition,
                $"{ShippedReadOnlyMessage}: '{shipped.Id}' ships with the server; create a scenario with another id instead", ReadOnlyReason, new() { ["id"] = shipped.Id }),
            ScenarioMutation.ShippedIdTaken taken => Status(StatusCode.AlreadyExists,
                $"'{taken.Id}' is a shipped scenario's id; choose another", ExistsReason, new() { ["id"] = taken.Id, [CurrentVersionKey] = "1" }),
            ScenarioMutation.StoreRefused refused => FromStore(refused.Result),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation.GetType().Name, "not a refusal"),
        };
    }

    private static RpcException FromStore(ScenarioWriteResult result) => result switch
    {
        ScenarioWriteResult.AlreadyExists e => Status(StatusCode.AlreadyExists, $"scenario '{e.Id}' already exists (version {e.CurrentVersion})", ExistsReason,
            new() { ["id"] = e.Id, [CurrentVersionKey] = Text(e.CurrentVersion) }),
        ScenarioWriteResult.NotFound e => NotFound(e.Id),
        ScenarioWriteResult.VersionConflict e => Status(StatusCode.Aborted,
            $"scenario '{e.Id}' is at version {e.CurrentVersion}, not {e.ExpectedVersion}: read it again and retry with expected_version {e.CurrentVersion}",
            VersionConflictReason, new() { ["id"] = e.Id, [CurrentVersionKey] = Text(e.CurrentVersion), [ExpectedVersionKey] = Text(e.ExpectedVersion) }),
        ScenarioWriteResult.Invalid e => RpcErrors.ToRpcException([ContractError.Invalid(e.Field == "definition_json" ? "definition" : e.Field, e.Problem)]),
        ScenarioWriteResult.TooLarge e => RpcErrors.ToRpcException([ContractError.Invalid("definition",
            $"the stored definition would be {e.DefinitionBytes} bytes; the maximum is {e.MaxDefinitionBytes}")]),
        ScenarioWriteResult.LimitReached e => Status(StatusCode.ResourceExhausted,
            $"the server holds its maximum of {e.MaxScenarios} scenarios; delete one first", LimitReason, []),
        ScenarioWriteResult.StoreUnavailable { Reason: Persistence.StoreUnavailableReason.ReadOnly } e => Status(StatusCode.FailedPrecondition,
            $"the scenario store is read-only, so scenarios cannot be changed now (reads still work): {e.Message}", StoreReadOnlyReason, []),
        ScenarioWriteResult.StoreUnavailable e => Status(StatusCode.Unavailable,
            $"the scenario store cannot be written now ({e.Reason}); reads still work: {e.Message}", StoreUnavailableErrorReason, []),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "not a refusal"),
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static RpcException Status(StatusCode code, string message, string reason, Dictionary<string, string> metadata)
    {
        var info = new ErrorInfo { Domain = RpcErrors.ErrorDomain, Reason = reason };
        info.Metadata.Add(metadata);
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
