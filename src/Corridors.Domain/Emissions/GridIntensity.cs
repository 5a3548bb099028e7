namespace Corridors.Domain.Emissions;

/// <summary>
/// Lifecycle CO2e per kWh of electricity generated, by country and year (Ember via Our World in Data): the
/// well-to-wheel of electric traction. Per kWh generated, so grid and substation losses are not in it.
/// </summary>
/// <param name="Series">Country code → year → g CO2e/kWh; every series covers the same years.</param>
public sealed record GridIntensityTable(
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Series,
    IReadOnlyList<string> SourceIds,
    string Note)
{
    /// <summary>First year of the data (over all series).</summary>
    public int FirstYear { get; } = Series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Min();

    /// <summary>Last year of the data (over all series).</summary>
    public int LastYear { get; } = Series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Max();

    /// <summary>Per country, for each year from <see cref="FirstYear"/> to <see cref="LastYear"/>: the year of its series used and its value.</summary>
    private readonly Dictionary<string, (int Year, double GramsPerKwh)[]> _byYear = Tabulate(Series);

    /// <summary>
    /// The intensity of a country in a year, or in the nearest year of its series when the year is outside it
    /// (<paramref name="usedYear"/> says which; on a tie the earlier year). False when the country has no series.
    /// Read for every electric leg of every route, so the nearest years are tabulated once.
    /// </summary>
    public bool TryGet(string country, int year, out double gramsPerKwh, out int usedYear)
    {
        if (!_byYear.TryGetValue(country, out (int Year, double GramsPerKwh)[]? years))
        {
            (gramsPerKwh, usedYear) = (0, 0);
            return false;
        }

        // Beyond the table's years the nearest year of a series is the one nearest the table's first or last year.
        (usedYear, gramsPerKwh) = years[Math.Clamp(year, FirstYear, LastYear) - FirstYear];
        return true;
    }

    private static Dictionary<string, (int Year, double GramsPerKwh)[]> Tabulate(IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> series)
    {
        int first = series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Min();
        int last = series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Max();
        var table = new Dictionary<string, (int, double)[]>(StringComparer.Ordinal);
        foreach ((string country, IReadOnlyDictionary<int, double> values) in series)
        {
            if (values.Count == 0)
            {
                continue;
            }

            var years = new (int, double)[last - first + 1];
            for (int year = first; year <= last; year++)
            {
                int nearest = values.ContainsKey(year) ? year : NearestYear(values.Keys, year);
                years[year - first] = (nearest, values[nearest]);
            }

            table[country] = years;
        }

        return table;
    }

    private static int NearestYear(IEnumerable<int> years, int year)
    {
        int best = 0;
        int bestDistance = int.MaxValue;
        foreach (int candidate in years)
        {
            int distance = Math.Abs(candidate - year);
            if (distance < bestDistance || (distance == bestDistance && candidate < best))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }
}
