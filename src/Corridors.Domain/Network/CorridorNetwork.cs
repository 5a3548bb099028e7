namespace Corridors.Domain.Network;

/// <summary>
/// The loaded, validated network: places, links, corridors and sources. Immutable once built; shared by all
/// queries. Build it with the loader (<c>NetworkLoader</c>) or, in tests, directly.
/// </summary>
public sealed class CorridorNetwork
{
    private readonly Dictionary<PlaceId, Place> _places;
    private readonly Dictionary<LinkId, Link> _links;
    private readonly Dictionary<CorridorId, Corridor> _corridors;
    private readonly Dictionary<string, Source> _sources;

    public CorridorNetwork(
        IEnumerable<Place> places,
        IEnumerable<Link> links,
        IEnumerable<Corridor> corridors,
        IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(corridors);
        ArgumentNullException.ThrowIfNull(sources);
        Places = [.. places.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        Links = [.. links.OrderBy(l => l.Id.Value, StringComparer.Ordinal)];
        Corridors = [.. corridors];
        Sources = [.. sources];
        _places = Places.ToDictionary(p => p.Id);
        _links = Links.ToDictionary(l => l.Id);
        _corridors = Corridors.ToDictionary(c => c.Id);
        _sources = Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Places ordered by id (ordinal), so that every derived structure is deterministic.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Links ordered by id (ordinal).</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>Corridors in registry order.</summary>
    public IReadOnlyList<Corridor> Corridors { get; }

    public IReadOnlyList<Source> Sources { get; }

    public Place GetPlace(PlaceId id) => _places[id];

    public bool TryGetPlace(PlaceId id, out Place place) => _places.TryGetValue(id, out place!);

    public Link GetLink(LinkId id) => _links[id];

    public bool TryGetLink(LinkId id, out Link link) => _links.TryGetValue(id, out link!);

    public bool TryGetCorridor(CorridorId id, out Corridor corridor) => _corridors.TryGetValue(id, out corridor!);

    public bool TryGetSource(string id, out Source source) => _sources.TryGetValue(id, out source!);
}
