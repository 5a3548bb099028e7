namespace Corridors.Domain.Network;

/// <summary>A named corridor from <c>networks/corridors.json</c>.</summary>
/// <param name="ChinaPlaces">Chinese places the validator checks are connected to every <paramref name="EuropePlaces"/> entry.</param>
public sealed record Corridor(
    CorridorId Id,
    string Name,
    string Description,
    IReadOnlyList<PlaceId> ChinaPlaces,
    IReadOnlyList<PlaceId> EuropePlaces,
    IReadOnlyList<string> SourceIds);

/// <summary>A row of <c>networks/sources.csv</c>.</summary>
public sealed record Source(string Id, string Title, string Url, string Date, string Notes);
