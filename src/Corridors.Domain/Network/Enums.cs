namespace Corridors.Domain.Network;

/// <summary>What a place is. Parsed from the kebab-case names in the network files.</summary>
public enum PlaceKind
{
    /// <summary>A city or its rail terminal.</summary>
    City,
    Seaport,
    BorderCrossing,
    FerryTerminal,
    SeaWaypoint,
    Chokepoint,
}

/// <summary>How a link is travelled.</summary>
public enum TransportMode
{
    Rail,
    Road,
    Sea,
    Ferry,
    InlandWaterway,
}

/// <summary>Whether a link exists on the ground.</summary>
public enum LinkStatus
{
    Operational,
    UnderConstruction,
    Planned,
    Closed,
}

/// <summary>Why time is spent at a place; which dwells apply is derived from the route (see networks/README.md).</summary>
public enum DwellKind
{
    /// <summary>Customs, inspection and handover when the route passes through a border place.</summary>
    BorderCrossing,

    /// <summary>Transshipment or bogie change where consecutive rail links change gauge.</summary>
    GaugeBreak,

    /// <summary>Loading or unloading where the route changes between land and water.</summary>
    PortHandling,

    /// <summary>Waiting for a sailing where the route boards a ferry.</summary>
    FerryWait,

    /// <summary>Transfer between rail and road.</summary>
    Transshipment,
}

/// <summary>Parsing and formatting of the kebab-case enum names used in files and on the command line.</summary>
public static class EnumNames
{
    /// <summary>kebab-case name of an enum value: <c>UnderConstruction</c> → <c>under-construction</c>.</summary>
    public static string ToKebab<T>(T value) where T : struct, Enum
    {
        string name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Parses a kebab-case name (case-insensitive); false for unknown names and for numbers.</summary>
    public static bool TryParseKebab<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (T candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToKebab(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>All kebab-case names of an enum, for error messages.</summary>
    public static string AllKebab<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => ToKebab(v)));
}
