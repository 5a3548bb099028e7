using Corridors.Domain.Capacity;
using Corridors.Domain.Dates;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;
using Corridors.Domain.Scenarios;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Dataset;

/// <summary>
/// Everything a query needs, loaded once and immutable: the network, the sanctions measures and the emission
/// factors. The service and the CLI both load it with <see cref="CorridorDatasetLoader"/>.
/// </summary>
/// <param name="Scenarios">The scenarios shipped in <c>networks/scenarios/</c> (read-only; users add their own through the API).</param>
public sealed record CorridorDataset(CorridorNetwork Network, SanctionsCatalog Sanctions, EmissionFactorSet EmissionFactors, IReadOnlyList<Scenario> Scenarios)
{
    /// <summary>The bottlenecks' dated capacities and the default volumes (<c>capacities.json</c>); empty when the folder has none.</summary>
    public CapacityCatalog Capacities { get; init; } = CapacityCatalog.Empty;

    /// <summary>
    /// The as-of dates answered on the business date <paramref name="today"/>: from the measure data's first date to
    /// the service's horizon, or to today once today is past it (today is always answered, flagged as stale).
    /// </summary>
    public AsOfRange AsOfRangeOn(DateOnly today) =>
        new(Sanctions.Coverage.From, today > AsOfRange.Horizon ? today : AsOfRange.Horizon);
}

/// <summary>The dataset, or every problem found in any of its files (never both).</summary>
public sealed record CorridorDatasetLoadResult(CorridorDataset? Dataset, IReadOnlyList<string> Problems)
{
    public bool IsValid => Dataset is not null;
}

/// <summary>
/// Loads <c>networks/</c>: the network files, <c>sanctions/measures.json</c>, <c>emission-factors.json</c>,
/// <c>capacities.json</c> (optional: a folder without it has no capacities) and the shipped scenarios
/// <c>scenarios/*.json</c> (each file's name must be its scenario's id).
/// </summary>
public sealed class CorridorDatasetLoader(GeometryFactory geometryFactory)
{
    public const string ScenariosFolder = "scenarios";

    public CorridorDatasetLoadResult Load(string directory)
    {
        NetworkLoadResult network = new NetworkLoader(geometryFactory).Load(directory);
        if (network.Network is null)
        {
            // Measures and factors refer to places and links: check them once the network itself is sound.
            return new CorridorDatasetLoadResult(null, [.. network.Problems.Select(p => p.ToString())]);
        }

        DataLoadResult<SanctionsCatalog> measures = MeasureLoader.Load(Path.Combine(directory, MeasureLoader.RelativePath), network.Network);
        DataLoadResult<EmissionFactorSet> factors = EmissionFactorsLoader.Load(Path.Combine(directory, EmissionFactorsLoader.RelativePath), network.Network);
        string capacityPath = Path.Combine(directory, CapacityLoader.RelativePath);
        DataLoadResult<CapacityCatalog>? capacities = File.Exists(capacityPath) ? CapacityLoader.Load(capacityPath, network.Network) : null;
        List<string> problems =
        [
            .. measures.Problems.Select(p => p.ToString()),
            .. factors.Problems.Select(p => p.ToString()),
            .. capacities?.Problems.Select(p => p.ToString()) ?? [],
        ];
        var scenarios = new List<Scenario>();
        if (measures.Value is not null)
        {
            scenarios.AddRange(LoadScenarios(directory, network.Network, measures.Value, problems));
        }

        return problems.Count > 0 || measures.Value is null || factors.Value is null
            ? new CorridorDatasetLoadResult(null, problems)
            : new CorridorDatasetLoadResult(
                new CorridorDataset(network.Network, measures.Value, factors.Value, scenarios) { Capacities = capacities?.Value ?? CapacityCatalog.Empty }, []);
    }

    private static List<Scenario> LoadScenarios(string directory, CorridorNetwork network, SanctionsCatalog sanctions, List<string> problems)
    {
        var scenarios = new List<Scenario>();
        string folder = Path.Combine(directory, ScenariosFolder);
        if (!Directory.Exists(folder))
        {
            return scenarios;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            string name = $"{ScenariosFolder}/{Path.GetFileName(file)}";
            var parsed = ScenarioJson.Parse(File.ReadAllText(file), network, sanctions);
            if (parsed.Value is not { } scenario)
            {
                problems.AddRange(parsed.Errors.Select(e => $"{name}: {e.Field}: {e.Message}"));
            }
            else if (scenario.Id != Path.GetFileNameWithoutExtension(file))
            {
                problems.Add($"{name}: id: '{scenario.Id}' differs from the file name");
            }
            else
            {
                scenarios.Add(scenario);
            }
        }

        return scenarios;
    }
}
