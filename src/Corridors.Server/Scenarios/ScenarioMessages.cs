using Google.Protobuf.WellKnownTypes;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Server.Scenarios;

/// <summary>Registered scenarios as API messages.</summary>
public static class ScenarioMessages
{
    /// <param name="withDefinition">False for list entries, which leave the (possibly large) definition out.</param>
    public static V1.Scenario ToProto(RegisteredScenario scenario, bool withDefinition = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var proto = new V1.Scenario
        {
            Id = scenario.Id,
            Name = scenario.Name,
            Version = scenario.Version,
            Origin = scenario.IsShipped ? V1.ScenarioOrigin.Shipped : V1.ScenarioOrigin.Stored,
            ReadOnly = scenario.IsShipped,
            Definition = withDefinition ? scenario.DefinitionJson : string.Empty,
            Description = scenario.Definition.Description,
            ChangeCount = scenario.Definition.Changes.Count,
        };
        proto.SourceIds.Add(scenario.Definition.SourceIds);
        if (scenario.CreatedUtc is { } created)
        {
            proto.CreatedAt = Timestamp.FromDateTimeOffset(created);
        }

        if (scenario.UpdatedUtc is { } updated)
        {
            proto.UpdatedAt = Timestamp.FromDateTimeOffset(updated);
        }

        return proto;
    }
}
