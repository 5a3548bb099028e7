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
    public int FirstYear => Series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Min();

    /// <summary>Last year of the data (over all series).</summary>
    public int LastYear => Series.Values.SelectMany(s => s.Keys).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The intensity of a country in a year, or in the nearest year of its series when the year is outside it
    /// (<paramref name="usedYear"/> says which). False when the country has no series.
    /// </summary>
    public bool TryGet(string country, int year, out double gramsPerKwh, out int usedYear)
    {
        gramsPerKwh = 0;
        usedYear = 0;
        if (!Series.TryGetValue(country, out IReadOnlyDictionary<int, double>? series) || series.Count == 0)
        {
            return false;
        }

        // Nearest year; on a tie (a gap in the middle) the earlier one, so the answer never depends on dictionary order.
        usedYear = series.Keys.OrderBy(y => Math.Abs(y - year)).ThenBy(y => y).First();
        gramsPerKwh = series[usedYear];
        return true;
    }
}
