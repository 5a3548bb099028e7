namespace Corridors.Server.Persistence;

/// <summary>
/// A scenario as the store keeps it: a document, independent of the domain types. <see cref="DefinitionJson"/> is the
/// scenario's definition as a JSON object, exactly as written; the store checks only that it is a well-formed JSON
/// object within <see cref="ScenarioStoreOptions.MaxDefinitionBytes"/>. Timestamps are UTC with millisecond precision.
/// </summary>
/// <param name="Id">The scenario id; case-sensitive, compared and ordered ordinally (byte by byte).</param>
/// <param name="Name">The display name.</param>
/// <param name="Version">1 when created, plus 1 for every update; what a client sends back for optimistic concurrency.</param>
/// <param name="DefinitionJson">The definition document (a JSON object).</param>
/// <param name="CreatedUtc">When the scenario was created (the store's <see cref="TimeProvider"/>).</param>
/// <param name="UpdatedUtc">When its current version was written; equal to <paramref name="CreatedUtc"/> at version 1.</param>
public sealed record StoredScenario(string Id, string Name, long Version, string DefinitionJson, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);
