using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Dataset;

/// <summary>
/// Everything a query needs, loaded once and immutable: the network, the sanctions measures and the emission
/// factors. The service and the CLI both load it with <see cref="CorridorDatasetLoader"/>.
/// </summary>
public sealed record CorridorDataset(CorridorNetwork Network, SanctionsCatalog Sanctions, EmissionFactorSet EmissionFactors);

/// <summary>The dataset, or every problem found in any of its files (never both).</summary>
public sealed record CorridorDatasetLoadResult(CorridorDataset? Dataset, IReadOnlyList<string> Problems)
{
    public bool IsValid => Dataset is not null;
}

/// <summary>Loads <c>networks/</c>: the network files, <c>sanctions/measures.json</c> and <c>emission-factors.json</c>.</summary>
public sealed class CorridorDatasetLoader(GeometryFactory geometryFactory)
{
    public CorridorDatasetLoadResult Load(string directory)
    {
        NetworkLoadResult network = new NetworkLoader(geometryFactory).Load(directory);
        if (network.Network is null)
        {
            // Measures and factors refer to places and links: check them once the network itself is sound.
            return new CorridorDatasetLoadResult(null, [.. network.Problems.Select(p => p.ToString())]);
        }

        MeasureLoadResult measures = MeasureLoader.Load(Path.Combine(directory, MeasureLoader.RelativePath), network.Network);
        EmissionFactorsLoadResult factors = EmissionFactorsLoader.Load(Path.Combine(directory, EmissionFactorsLoader.RelativePath), network.Network);
        List<string> problems = [.. measures.Problems.Select(p => p.ToString()), .. factors.Problems.Select(p => p.ToString())];
        return problems.Count > 0 || measures.Catalog is null || factors.Factors is null
            ? new CorridorDatasetLoadResult(null, problems)
            : new CorridorDatasetLoadResult(new CorridorDataset(network.Network, measures.Catalog, factors.Factors), []);
    }
}
