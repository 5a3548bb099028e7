using Corridors.Domain.Routing;

namespace Corridors.Domain.Dates;

/// <summary>
/// The as-of dates the service answers for: from the earliest date its data is collected for to a fixed horizon.
/// Past the sanction data's review date the risk is a projection, and links with a forecast opening date are used
/// from that date; both are flagged in every answer.
/// </summary>
/// <param name="Earliest">The first date answered (the measure data's <c>coverage.from</c>).</param>
/// <param name="Latest">The last date answered (<see cref="Horizon"/>).</param>
public sealed record AsOfRange(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>
    /// The latest as-of date answered: far enough to ask about the CKU railway's forecast opening (2030) and the
    /// 2030 capacity targets with a decade to spare; further out, forecasts of lines and sanctions mean little.
    /// </summary>
    public static readonly DateOnly Horizon = new(2040, 12, 31);

    /// <summary>The field name of the as-of date in errors (the CLI's <c>--as-of</c>, the API's <c>constraints.as_of</c>).</summary>
    public const string Field = "as_of";

    public bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Null when the date is answered, else the error naming the allowed range.</summary>
    public QueryError? Check(DateOnly asOf)
    {
        if (Contains(asOf))
        {
            return null;
        }

        string side = asOf < Earliest
            ? $"before {Earliest:yyyy-MM-dd}, the earliest date the data is collected for"
            : $"after {Latest:yyyy-MM-dd}, the horizon of the service's forecasts";
        return new QueryError(Field, $"as-of date {asOf:yyyy-MM-dd} is outside the answered range {Earliest:yyyy-MM-dd} … {Latest:yyyy-MM-dd} ({side})");
    }
}
