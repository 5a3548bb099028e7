namespace Corridors.Application.Queries;

/// <summary>Which RPC status a <see cref="ContractError"/> stands for.</summary>
public enum ContractErrorKind
{
    /// <summary>The request is malformed or out of range (INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>A place, corridor or scenario named in the request does not exist or is ambiguous (NOT_FOUND).</summary>
    NotFound,
}

/// <summary>A candidate the caller may have meant: an id and its display name.</summary>
public sealed record Candidate(string Id, string Name);

/// <summary>
/// One bad input, named by its proto field path (<c>constraints.avoid_countries</c>, <c>origin</c>), as the server
/// reports it in <c>google.rpc.BadRequest</c> and the CLI prints it.
/// </summary>
/// <param name="Reason">Machine-readable reason (<c>PLACE_NOT_FOUND</c>, <c>PLACE_AMBIGUOUS</c>, <c>CORRIDOR_NOT_FOUND</c>, <c>INVALID_FIELD</c>).</param>
/// <param name="Candidates">For ambiguous names, the matches; for unknown names, close spellings (may be empty).</param>
public sealed record ContractError(
    ContractErrorKind Kind,
    string Field,
    string Description,
    string Reason,
    IReadOnlyList<Candidate> Candidates)
{
    public const string InvalidFieldReason = "INVALID_FIELD";
    public const string PlaceNotFoundReason = "PLACE_NOT_FOUND";
    public const string PlaceAmbiguousReason = "PLACE_AMBIGUOUS";
    public const string CorridorNotFoundReason = "CORRIDOR_NOT_FOUND";
    public const string ScenarioNotFoundReason = "SCENARIO_NOT_FOUND";

    public static ContractError Invalid(string field, string description) =>
        new(ContractErrorKind.InvalidArgument, field, description, InvalidFieldReason, []);

    /// <summary>NOT_FOUND for an unknown scenario id, listing the known ones as candidates.</summary>
    public static ContractError ScenarioNotFound(string field, string id, IReadOnlyList<Candidate> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new(ContractErrorKind.NotFound, field,
            $"no scenario has id '{id}'; known: {(known.Count == 0 ? "none" : string.Join(", ", known.Select(k => k.Id)))}",
            ScenarioNotFoundReason, known);
    }

    public override string ToString() => $"{Field}: {Description}";
}

/// <summary>Either a response or the bad inputs that prevented it; nothing is thrown for bad input.</summary>
public sealed class ContractResult<T>
    where T : class
{
    private ContractResult(T? value, IReadOnlyList<ContractError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    /// <summary>All errors; INVALID_ARGUMENT errors come before NOT_FOUND ones.</summary>
    public IReadOnlyList<ContractError> Errors { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

#pragma warning disable CA1000 // factory methods on a generic result type are the clearest call site
    public static ContractResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ContractResult<T>(value, []);
    }

    public static ContractResult<T> Failure(IReadOnlyList<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new ContractResult<T>(null, [.. errors.OrderBy(e => e.Kind)]);
    }
#pragma warning restore CA1000
}
