namespace Corridors.Domain.Network.Validation;

/// <summary>The kind of thing an id names; places and links share one id space.</summary>
public enum DeclarationKind
{
    Place,
    Link,
    Corridor,
    Source,
}

/// <summary>
/// An id found in the files, whether or not its feature could be built. The validator uses declarations to find
/// duplicates and to resolve references without reporting a second, misleading problem for a feature that is
/// already reported as broken.
/// </summary>
public sealed record Declaration(string Id, DeclarationKind Kind, string File);

/// <summary>
/// Everything read from a network folder, before validation: the declarations of every id and the objects that
/// could be built. Unlike <see cref="CorridorNetwork"/> it may contain duplicates and dangling references.
/// </summary>
public sealed record NetworkDraft(
    IReadOnlyList<Declaration> Declarations,
    IReadOnlyList<Place> Places,
    IReadOnlyList<Link> Links,
    IReadOnlyList<Corridor> Corridors,
    IReadOnlyList<Source> Sources)
{
    /// <summary>File name reported for corridor problems.</summary>
    public string CorridorsFile { get; init; } = "corridors.json";

    /// <summary>File name reported for source problems.</summary>
    public string SourcesFile { get; init; } = "sources.csv";

    /// <summary>A draft whose declarations are exactly the given objects (for networks built in memory).</summary>
    public static NetworkDraft FromObjects(
        IReadOnlyList<Place> places,
        IReadOnlyList<Link> links,
        IReadOnlyList<Corridor> corridors,
        IReadOnlyList<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(corridors);
        ArgumentNullException.ThrowIfNull(sources);
        const string corridorsFile = "corridors.json";
        const string sourcesFile = "sources.csv";
        var declarations = new List<Declaration>();
        declarations.AddRange(places.Select(p => new Declaration(p.Id.Value, DeclarationKind.Place, p.File)));
        declarations.AddRange(links.Select(l => new Declaration(l.Id.Value, DeclarationKind.Link, l.File)));
        declarations.AddRange(corridors.Select(c => new Declaration(c.Id.Value, DeclarationKind.Corridor, corridorsFile)));
        declarations.AddRange(sources.Select(s => new Declaration(s.Id, DeclarationKind.Source, sourcesFile)));
        return new NetworkDraft(declarations, places, links, corridors, sources);
    }
}
