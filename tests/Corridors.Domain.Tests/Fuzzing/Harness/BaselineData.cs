using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;

namespace Corridors.Fuzzing;

/// <summary>
/// The real network and sanctions catalog, loaded once per process: measures and scenarios are checked against
/// them, and only the one fuzzed file changes between inputs.
/// </summary>
internal sealed record BaselineData(CorridorNetwork Network, SanctionsCatalog Sanctions)
{
    /// <summary>Loads <paramref name="networksDirectory"/>; a folder that does not validate is a setup error.</summary>
    public static BaselineData Load(string networksDirectory)
    {
        NetworkLoadResult network = new NetworkLoader(Wgs84.CreateFactory()).Load(networksDirectory);
        if (!network.IsValid)
        {
            throw new InvalidOperationException(
                $"the fuzz baseline '{networksDirectory}' does not validate:{Environment.NewLine}{string.Join(Environment.NewLine, network.Problems)}");
        }

        DataLoadResult<SanctionsCatalog> measures = MeasureLoader.Load(Path.Combine(networksDirectory, MeasureLoader.RelativePath), network.Network);
        if (!measures.IsValid)
        {
            throw new InvalidOperationException(
                $"the fuzz baseline's measures do not validate:{Environment.NewLine}{string.Join(Environment.NewLine, measures.Problems)}");
        }

        return new BaselineData(network.Network, measures.Value);
    }
}
