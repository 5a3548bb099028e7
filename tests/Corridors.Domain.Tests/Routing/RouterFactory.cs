using Corridors.Domain.Dates;
using Corridors.Domain.Dataset;
using Corridors.Domain.Emissions;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Routing;

internal static class RouterFactory
{
    /// <summary>The fixed "today" of routing tests.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static BusinessCalendar Calendar { get; } = BusinessCalendar.Pinned(Today);

    /// <summary>A router on a hand-made network with no sanction measures and 1 kg CO2e per tonne-km on every mode.</summary>
    public static CorridorRouter Create(CorridorNetwork network) => new(WithoutMeasures(network), Calendar, TestNetworks.Factory);

    /// <summary>A router on the shipped networks/ folder (network, measures, emission factors).</summary>
    public static CorridorRouter Real() => RealDataset.Value is { } dataset
        ? new CorridorRouter(dataset, Calendar, TestNetworks.Factory)
        : throw new InvalidOperationException("networks/ does not load");

    private static readonly Lazy<CorridorDataset?> RealDataset = new(() =>
        new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(Path.Combine(RepositoryRoot.Find(), "networks")).Dataset);

    public static CorridorDataset WithoutMeasures(CorridorNetwork network)
    {
        var coverage = new DataCoverage(new DateOnly(2000, 1, 1), Today, new DateOnly(2100, 1, 1));
        var payload = new Payload("test payload", 10, 1, []);
        // 1 kg CO2e WTW (0.5 TTW) per unit for every use, 1 kWh/tkm for electric traction on no grid at all.
        var factors = Enum.GetValues<FactorUse>().Select(u => EmissionFactor.BasisFor(u) == EmissionBasis.Energy
            ? new EmissionFactor(u, EmissionFactor.UnitFor(u), EmissionBasis.Energy, null, null, 1.0, "test", false, [], "test")
            : new EmissionFactor(u, EmissionFactor.UnitFor(u), EmissionBasis.WtwTtw, 1.0, 0.5, null, "test", false, [], "test"));
        var grid = new GridIntensityTable(new Dictionary<string, IReadOnlyDictionary<int, double>>(), [], "test");
        return new CorridorDataset(network, new SanctionsCatalog(coverage, [], [], []),
            new EmissionFactorSet(payload, factors, grid, new CapeSpeedUplift(1.1, [], "test")), []);
    }

    public static RouteQuery Query(string from, string to, Objective objective = Objective.Fastest, RouteConstraints? constraints = null) =>
        new() { Origin = new PlaceId(from), Destination = new PlaceId(to), Objective = objective, Constraints = constraints ?? new RouteConstraints() };
}
