using System.Diagnostics.CodeAnalysis;

namespace Corridors.Domain.Risk;

/// <summary>
/// What a data-file loader gives (measures, emission factors, capacities): either a valid value or every problem
/// found, never both.
/// </summary>
public sealed class DataLoadResult<T>
    where T : class
{
    private DataLoadResult(T? value, IReadOnlyList<DataProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value read; null when there are problems.</summary>
    public T? Value { get; }

    /// <summary>All problems in file order; empty when valid.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    internal static DataLoadResult<T> Valid(T value) => new(value, []);

    internal static DataLoadResult<T> Invalid(IReadOnlyList<DataProblem> problems) => new(null, problems);
}
