namespace Corridors.Domain.Network;

/// <summary>Stable id of a place (<c>xian</c>, <c>malaszewicze</c>), the GeoJSON feature id.</summary>
public readonly record struct PlaceId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Stable id of a link (<c>alashankou-dostyk</c>), the GeoJSON feature id.</summary>
public readonly record struct LinkId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Id of a corridor in <c>networks/corridors.json</c> (<c>northern</c>, <c>middle</c>…).</summary>
public readonly record struct CorridorId(string Value)
{
    /// <summary>The shared access networks (domestic rail to and from the corridors) are not a corridor.</summary>
    public static readonly CorridorId Access = new("access");

    public override string ToString() => Value;
}
