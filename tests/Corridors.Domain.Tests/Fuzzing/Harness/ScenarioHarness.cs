using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Fuzzing;

/// <summary>
/// The scenario reader, <see cref="ScenarioJson.Parse"/>, over the real network and measures. A scenario that
/// parses must also read back from <see cref="ScenarioJson.Write"/> (its documented round trip).
/// </summary>
internal sealed class ScenarioHarness(BaselineData baseline) : ILoaderHarness
{
    public const string Name = "scenario";

    public string Target => Name;

    public FuzzOutcome Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string json = LoaderHarnesses.DecodeLikeFile(input);
        QueryResult<Scenario> result = ScenarioJson.Parse(json, baseline.Network, baseline.Sanctions);
        FuzzOutcome outcome = LoaderHarnesses.Judge(
            result.IsSuccess, [.. result.Errors.Select(e => e.Message.Length == 0 ? "" : $"{e.Field}: {e.Message}")], "scenario parse");
        if (result.Value is { } scenario)
        {
            QueryResult<Scenario> again = ScenarioJson.Parse(ScenarioJson.Write(scenario), baseline.Network, baseline.Sanctions);
            if (again.Value is not { } reread || reread.Id != scenario.Id || reread.Changes.Count != scenario.Changes.Count)
            {
                throw new LoaderContractException(
                    $"scenario '{scenario.Id}' does not read back from its own document: {string.Join("; ", again.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }
        }

        return outcome;
    }

    public void Dispose()
    {
    }
}
