using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>What a route query found. "No route" is an answer, not an error.</summary>
public enum RouteOutcome
{
    /// <summary>A route that satisfies every constraint.</summary>
    Found,

    /// <summary>The network (or the corridor) does not join the places at all.</summary>
    NoPath,

    /// <summary>A route exists only over links that are not open yet on the as-of date.</summary>
    NotYetOpen,

    /// <summary>A route exists, but a constraint of the query rules out every one; <see cref="RouteAnswer.Reasons"/> says which.</summary>
    Infeasible,

    /// <summary>The route is prohibited for the shipper's perspective (sanctions).</summary>
    Prohibited,
}

/// <summary>The kind of constraint that made a query infeasible.</summary>
public enum ConstraintKind
{
    AvoidCountry,
    AvoidMode,
    AvoidPlace,
    AvoidLink,
    MaxBorderCrossings,
    AsOfDate,
    MaxRiskScore,
    AllowedOnly,

    /// <summary>The query's scenario closes a place or link every route needs.</summary>
    ScenarioClosure,
}

/// <summary>A constraint that, on its own, rules out every route (relaxing it alone would give one).</summary>
public sealed record Infeasibility(ConstraintKind Constraint, string Value, string Message);

/// <summary>The answer for one origin–destination query: an outcome, and the route when one was found.</summary>
/// <param name="OpensOn">For <see cref="RouteOutcome.NotYetOpen"/>: the date the blocking links are due to open, when known.</param>
public sealed record RouteAnswer(
    RouteOutcome Outcome,
    Route? Route,
    IReadOnlyList<Infeasibility> Reasons,
    DateOnly? OpensOn,
    string Explanation)
{
    public static RouteAnswer Found(Route route) => new(RouteOutcome.Found, route, [], null, "route found");
}

/// <summary>A bad input, named by the field it came from.</summary>
public sealed record QueryError(string Field, string Message);

/// <summary>Either a value or the list of bad inputs that prevented it (nothing is thrown for bad input).</summary>
public sealed class QueryResult<T>
    where T : class
{
    private QueryResult(T? value, IReadOnlyList<QueryError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<QueryError> Errors { get; }

    public bool IsSuccess => Value is not null;

#pragma warning disable CA1000 // factory methods on a generic result type are the clearest call site
    public static QueryResult<T> Success(T value) => new(value, []);

    public static QueryResult<T> Failure(IReadOnlyList<QueryError> errors) => new(null, errors);
#pragma warning restore CA1000
}

/// <summary>The per-corridor entry of a comparison.</summary>
public sealed record CorridorComparison(Corridor Corridor, RouteAnswer Answer);
