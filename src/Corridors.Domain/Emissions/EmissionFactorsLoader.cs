using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Emissions;

/// <summary>
/// Reads <c>networks/emission-factors.json</c> (described in <c>networks/README.md</c>, "Emission factors"): one
/// factor per use (traction, sea lane, vessel, vehicle, hub), each with the unit and basis its use requires, values
/// finite, WTW above zero and TTW between zero and WTW, and at least one source id in <c>sources.csv</c>; the grid
/// intensities with their unit, basis and sources; the Cape option's uplift. Every bad record is named (file, factor
/// id, field, value); nothing is dropped or defaulted.
/// </summary>
public static class EmissionFactorsLoader
{
    /// <summary>Where the factors live inside the network folder.</summary>
    public const string RelativePath = "emission-factors.json";

    private const string GridRecord = "grid";
    private const string LifecycleBasis = "lifecycle";

    public static DataLoadResult<EmissionFactorSet> Load(string path, CorridorNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(Path.GetFileName(path));
        using JsonDocument? document = DataFile.ReadJson(path, file);
        return Finish(document, file, network);
    }

    public static DataLoadResult<EmissionFactorSet> Parse(string json, string fileName, CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(fileName);
        using JsonDocument? document = DataFile.ParseJson(json, file);
        return Finish(document, file, network);
    }

    private static DataLoadResult<EmissionFactorSet> Finish(JsonDocument? document, DataFile file, CorridorNetwork network)
    {
        if (document is null || JsonFields.Open(document.RootElement, file.Problems, null, "") is not { } root)
        {
            return DataLoadResult<EmissionFactorSet>.Invalid(file.AllProblems());
        }

        root.RejectUnknown("payload", "factors", "grid", "capeSpeedUplift");
        Payload? payload = root.Required("payload") is { } p ? ReadPayload(p, file, network) : null;
        var factors = new List<EmissionFactor>();
        var seen = new HashSet<FactorUse>();
        if (root.Required("factors") is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                root.Fail("factors", NetworkRule.WrongType, $"expected an array but found {JsonFields.Describe(array)}");
            }
            else
            {
                int i = 0;
                foreach (JsonElement item in array.EnumerateArray())
                {
                    if (ReadFactor(item, i++, file, network, seen) is { } factor)
                    {
                        factors.Add(factor);
                    }
                }

                foreach (FactorUse use in Enum.GetValues<FactorUse>().Where(u => !seen.Contains(u)))
                {
                    file.Add(EnumNames.ToKebab(use), null, $"no emission factor '{EnumNames.ToKebab(use)}'; every use needs one");
                }
            }
        }

        GridIntensityTable? grid = root.Required(GridRecord) is { } g ? ReadGrid(g, file, network) : null;
        CapeSpeedUplift? cape = root.Required("capeSpeedUplift") is { } c ? ReadCape(c, file, network) : null;
        return file.Count == 0 && payload is not null && grid is not null && cape is not null
            ? DataLoadResult<EmissionFactorSet>.Valid(new EmissionFactorSet(payload, factors, grid, cape))
            : DataLoadResult<EmissionFactorSet>.Invalid(file.AllProblems());
    }

    private static Payload? ReadPayload(JsonElement element, DataFile file, CorridorNetwork network)
    {
        if (JsonFields.Open(element, file.Problems, "payload", "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("description", "teu", "cargoTonnes", "sources");
        string? description = f.RequiredString("description");
        double? teu = Positive(f, "teu");
        double? tonnes = Positive(f, "cargoTonnes");
        IReadOnlyList<string>? sources = Sources(f, network);
        return f.Ok && description is not null && teu is { } t && tonnes is { } c && sources is not null
            ? new Payload(description, c, t, sources)
            : null;
    }

    private static EmissionFactor? ReadFactor(JsonElement element, int index, DataFile file, CorridorNetwork network, HashSet<FactorUse> seen)
    {
        string? idText = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out JsonElement m)
            && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        string recordId = string.IsNullOrEmpty(idText) ? $"factors[{index}]" : idText;
        if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("id", "value", "wtw", "ttw", "unit", "basis", "year", "standIn", "sources", "note");
        FactorUse? use = null;
        if (f.RequiredString("id") is { } text)
        {
            if (!EnumNames.TryParseKebab(text, out FactorUse parsed))
            {
                f.Fail("id", NetworkRule.UnknownKind, $"unknown factor '{text}'; known: {EnumNames.AllKebab<FactorUse>()}");
            }
            else if (!seen.Add(parsed))
            {
                f.Fail("id", NetworkRule.DuplicateId, $"factor '{text}' is defined more than once");
            }
            else
            {
                use = parsed;
            }
        }

        EmissionUnit? unit = ReadUnit(f, use);
        EmissionBasis? basis = ReadBasis(f, use);
        double? wtw = null, ttw = null, energy = null;
        if (basis == EmissionBasis.Energy)
        {
            energy = Positive(f, "value");
            RejectFor(f, "energy", "wtw", "ttw");
        }
        else if (basis == EmissionBasis.WtwTtw)
        {
            wtw = Positive(f, "wtw");
            ttw = f.RequiredNumber("ttw");
            RejectFor(f, "wtw-ttw", "value");
            if (ttw is { } t && (!(t >= 0) || double.IsInfinity(t) || (wtw is { } w && t > w)))
            {
                f.Fail("ttw", NetworkRule.NonPositiveValue, $"ttw {JsonFields.FormatNumber(t)} must be finite, at least 0 and at most wtw");
                ttw = null;
            }
        }

        string? year = f.RequiredString("year");
        bool? standIn = f.Required("standIn") is not null ? f.OptionalBool("standIn") : null;
        string note = f.OptionalString("note") ?? "";
        IReadOnlyList<string>? sources = Sources(f, network);
        bool numbersOk = basis == EmissionBasis.Energy ? energy is not null : wtw is not null && ttw is not null;
        return f.Ok && use is { } u && unit is { } un && basis is { } b && numbersOk && year is not null && standIn is { } s && sources is not null
            ? new EmissionFactor(u, un, b, wtw, ttw, energy, year, s, sources, note)
            : null;
    }

    /// <summary>The unit, required, known, and the one its use takes (a per-TEU value on a per-tonne use would be off by a factor of ten).</summary>
    private static EmissionUnit? ReadUnit(JsonFields f, FactorUse? use)
    {
        if (f.RequiredString("unit") is not { } text)
        {
            return null;
        }

        if (!UnitTexts.TryParse(text, out EmissionUnit unit))
        {
            f.Fail("unit", NetworkRule.UnknownKind, $"unknown unit '{text}'; known: {UnitTexts.All}");
            return null;
        }

        if (use is { } u && unit != EmissionFactor.UnitFor(u))
        {
            f.Fail("unit", NetworkRule.UnknownKind, $"unit '{text}' does not fit factor '{EnumNames.ToKebab(u)}'; it takes '{UnitTexts.Of(EmissionFactor.UnitFor(u))}'");
            return null;
        }

        return unit;
    }

    private static EmissionBasis? ReadBasis(JsonFields f, FactorUse? use)
    {
        string? text = f.RequiredString("basis");
        EmissionBasis? basis = text switch
        {
            null => null,
            "wtw-ttw" => EmissionBasis.WtwTtw,
            "energy" => EmissionBasis.Energy,
            _ => Fail<EmissionBasis>(f, "basis", $"unknown basis '{text}'; known: wtw-ttw, energy"),
        };
        if (basis is { } b && use is { } u && b != EmissionFactor.BasisFor(u))
        {
            string expected = EmissionFactor.BasisFor(u) == EmissionBasis.Energy ? "energy" : "wtw-ttw";
            f.Fail("basis", NetworkRule.UnknownKind, $"basis '{text}' does not fit factor '{EnumNames.ToKebab(u)}'; it takes '{expected}'");
            return null;
        }

        return basis;
    }

    private static void RejectFor(JsonFields f, string basis, params string[] names)
    {
        foreach (string name in names.Where(f.Has))
        {
            f.Fail(name, NetworkRule.UnknownProperty, $"'{name}' does not belong to a factor of basis '{basis}'");
        }
    }

    private static GridIntensityTable? ReadGrid(JsonElement element, DataFile file, CorridorNetwork network)
    {
        if (JsonFields.Open(element, file.Problems, GridRecord, "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("unit", "basis", "sources", "note", "series");
        if (f.RequiredString("unit") is { } unit && unit != UnitTexts.GramsPerKwh)
        {
            f.Fail("unit", NetworkRule.UnknownKind, $"unknown unit '{unit}'; the grid takes '{UnitTexts.GramsPerKwh}'");
        }

        if (f.RequiredString("basis") is { } basis && basis != LifecycleBasis)
        {
            f.Fail("basis", NetworkRule.UnknownKind, $"unknown basis '{basis}'; the grid takes '{LifecycleBasis}' (per kWh generated, used as WTW)");
        }

        string note = f.OptionalString("note") ?? "";
        IReadOnlyList<string>? sources = Sources(f, network);
        var series = new SortedDictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.Ordinal);
        if (f.Required("series") is { } all)
        {
            if (all.ValueKind != JsonValueKind.Object)
            {
                f.Fail("series", NetworkRule.WrongType, $"expected an object of countries but found {JsonFields.Describe(all)}");
            }
            else
            {
                foreach (JsonProperty country in all.EnumerateObject())
                {
                    if (ReadSeries(country, f) is { } years)
                    {
                        series[country.Name] = years;
                    }
                }
            }
        }

        return f.Ok && sources is not null ? new GridIntensityTable(series, sources, note) : null;
    }

    private static SortedDictionary<int, double>? ReadSeries(JsonProperty country, JsonFields f)
    {
        string field = $"series.{country.Name}";
        if (country.Name.Length != 2 || !country.Name.All(char.IsAsciiLetterUpper))
        {
            f.Fail(field, NetworkRule.InvalidCountryCode, $"'{country.Name}' is not an ISO 3166-1 alpha-2 code");
            return null;
        }

        if (country.Value.ValueKind != JsonValueKind.Object)
        {
            f.Fail(field, NetworkRule.WrongType, $"expected an object of years but found {JsonFields.Describe(country.Value)}");
            return null;
        }

        var years = new SortedDictionary<int, double>();
        foreach (JsonProperty entry in country.Value.EnumerateObject())
        {
            bool isYear = entry.Name.Length == 4 && int.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int year);
            if (!isYear || entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetDouble(out double g) || !(g > 0) || double.IsInfinity(g))
            {
                f.Fail($"{field}.{entry.Name}", NetworkRule.NonPositiveValue,
                    $"expected a year (yyyy) with a finite intensity above zero, found '{entry.Name}': {JsonFields.Describe(entry.Value)}");
                return null;
            }

            years[int.Parse(entry.Name, CultureInfo.InvariantCulture)] = g;
        }

        if (years.Count == 0)
        {
            f.Fail(field, NetworkRule.MissingProperty, "a series needs at least one year");
            return null;
        }

        return years;
    }

    private static CapeSpeedUplift? ReadCape(JsonElement element, DataFile file, CorridorNetwork network)
    {
        if (JsonFields.Open(element, file.Problems, "capeSpeedUplift", "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("value", "sources", "note");
        double? value = f.RequiredNumber("value");
        if (value is { } v && (!(v >= 1) || double.IsInfinity(v)))
        {
            f.Fail("value", NetworkRule.NonPositiveValue, $"value {JsonFields.FormatNumber(v)} must be a finite multiplier of at least 1");
            value = null;
        }

        string note = f.OptionalString("note") ?? "";
        IReadOnlyList<string>? sources = Sources(f, network);
        return f.Ok && value is { } factor && sources is not null ? new CapeSpeedUplift(factor, sources, note) : null;
    }

    private static T? Fail<T>(JsonFields f, string name, string message) where T : struct
    {
        f.Fail(name, NetworkRule.UnknownKind, message);
        return null;
    }

    private static double? Positive(JsonFields f, string name)
    {
        double? value = f.RequiredNumber(name);
        if (value is { } v && (!(v > 0) || double.IsInfinity(v)))
        {
            f.Fail(name, NetworkRule.NonPositiveValue, $"{name} {JsonFields.FormatNumber(v)} is not a finite number above zero");
            return null;
        }

        return value;
    }

    private static IReadOnlyList<string>? Sources(JsonFields f, CorridorNetwork network)
    {
        IReadOnlyList<string>? sources = f.StringArray("sources", required: true);
        if (sources is null)
        {
            return null;
        }

        if (sources.Count == 0)
        {
            f.Fail("sources", NetworkRule.MissingProperty, "at least one source id is required");
            return null;
        }

        for (int i = 0; i < sources.Count; i++)
        {
            if (!network.TryGetSource(sources[i], out _))
            {
                f.Fail($"sources[{i}]", NetworkRule.UnknownSource, $"unknown source id '{sources[i]}' (not in sources.csv)");
            }
        }

        return sources;
    }
}
