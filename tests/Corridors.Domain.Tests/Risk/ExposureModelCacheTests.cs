using Corridors.Domain.Network;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Tests.Risk;

/// <summary>
/// Exposure models kept per shipper, in-force epoch and pair of countries against a model made for the exact
/// perspective: the same measures for random shippers, pairs and dates, above all the days measures enter into force
/// or lapse and the days either side, asked in an order that fills the cache from other dates of each epoch first.
/// </summary>
public sealed class ExposureModelCacheTests(RealData data) : IClassFixture<RealData>
{
    private static readonly string[] PlaceIds = ["xian", "duisburg", "warsaw", "moscow", "minsk", "dostyk"];

    [Fact]
    public void KeptModels_ApplyTheMeasuresInForceOnTheExactDate()
    {
        SanctionsCatalog catalog = data.Catalog;
        var assessor = new SanctionRiskAssessor(catalog);
        var random = new Random(17);
        List<DateOnly> days = [.. catalog.Measures
            .SelectMany(m => new[] { (DateOnly?)m.EffectiveFrom, m.EffectiveTo })
            .OfType<DateOnly>()
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Concat(Enumerable.Range(0, 60).Select(_ => catalog.Coverage.From.AddDays(random.Next(20 * 365))))
            .Where(d => d >= catalog.Coverage.From)];
        // Few shippers and pairs, many dates: each key comes back on many dates, from other epochs too.
        Place[] places = [.. PlaceIds.Select(id => data.Network.Places.Single(p => p.Id.Value == id))];
        Regime[][] regimes = [[Regime.EU], [Regime.EU, Regime.UK, Regime.US]];
        CargoClass[] cargo = [CargoClass.General, CargoClass.DualUse];
        int checkedModels = 0;

        foreach (DateOnly day in days.OrderBy(_ => random.Next()))
        {
            Place origin = places[random.Next(places.Length)];
            Place destination = places[random.Next(places.Length)];
            var perspective = new Perspective(regimes[random.Next(regimes.Length)], cargo[random.Next(cargo.Length)], day)
            {
                HsCode = random.Next(3) == 0 ? HsCode.Parse("847130").Value!.Code : null,
            };
            ExposureModel exact = new(catalog, perspective, origin.CountryCode, destination.CountryCode);

            // Twice: the first may build it, the second reads it; both must be the exact date's measures.
            for (int ask = 0; ask < 2; ask++)
            {
                ExposureModel kept = assessor.Model(perspective, origin, destination);
                Assert.True(exact.Applicable.Select(m => m.Id).SequenceEqual(kept.Applicable.Select(m => m.Id)),
                    $"{perspective} {origin.CountryCode}→{destination.CountryCode}: kept [{string.Join(", ", kept.Applicable.Select(m => m.Id))}], exact [{string.Join(", ", exact.Applicable.Select(m => m.Id))}]");
            }

            checkedModels++;
        }

        Assert.True(checkedModels > 100, $"{checkedModels} models");
    }

    [Fact]
    public void InForceEpoch_ChangesOnEveryChangeDay_AndOnlyThere()
    {
        SanctionsCatalog catalog = data.Catalog;
        DateOnly[] changeDays = [.. catalog.Measures
            .SelectMany(m => new[] { (DateOnly?)m.EffectiveFrom, m.EffectiveTo })
            .OfType<DateOnly>()
            .Distinct()
            .Order()];

        foreach (DateOnly day in changeDays)
        {
            Assert.Equal(catalog.InForceEpochOf(day.AddDays(-1)) + 1, catalog.InForceEpochOf(day));
            Assert.Equal(catalog.InForceEpochOf(day), catalog.InForceEpochOf(day.AddDays(1)) - (changeDays.Contains(day.AddDays(1)) ? 1 : 0));
        }
    }
}
