using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Emissions;

/// <summary>Either a valid <see cref="EmissionFactorSet"/> or every problem found, never both.</summary>
public sealed class EmissionFactorsLoadResult
{
    private EmissionFactorsLoadResult(EmissionFactorSet? factors, IReadOnlyList<DataProblem> problems)
    {
        Factors = factors;
        Problems = problems;
    }

    public EmissionFactorSet? Factors { get; }

    public IReadOnlyList<DataProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Factors))]
    public bool IsValid => Factors is not null;

    internal static EmissionFactorsLoadResult Valid(EmissionFactorSet factors) => new(factors, []);

    internal static EmissionFactorsLoadResult Invalid(IReadOnlyList<DataProblem> problems) => new(null, problems);
}

/// <summary>
/// Reads <c>networks/emission-factors.json</c> (described in <c>networks/README.md</c>, "Emission factors"): one
/// factor per transport mode, every mode present, values finite and above zero, known units and bases, source ids
/// in <c>sources.csv</c>. Every bad record is named (file, mode, field, value); nothing is dropped.
/// </summary>
public static class EmissionFactorsLoader
{
    /// <summary>Where the factors live inside the network folder.</summary>
    public const string RelativePath = "emission-factors.json";

    public static EmissionFactorsLoadResult Load(string path, CorridorNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(Path.GetFileName(path));
        using JsonDocument? document = DataFile.ReadJson(path, file);
        return Finish(document, file, network);
    }

    public static EmissionFactorsLoadResult Parse(string json, string fileName, CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(fileName);
        using JsonDocument? document = DataFile.ParseJson(json, file);
        return Finish(document, file, network);
    }

    private static EmissionFactorsLoadResult Finish(JsonDocument? document, DataFile file, CorridorNetwork network)
    {
        if (document is null || JsonFields.Open(document.RootElement, file.Problems, null, "") is not { } root)
        {
            return EmissionFactorsLoadResult.Invalid(file.AllProblems());
        }

        root.RejectUnknown("payload", "factors");
        Payload? payload = root.Required("payload") is { } p ? ReadPayload(p, file, network) : null;
        var factors = new List<EmissionFactor>();
        var seen = new HashSet<TransportMode>();
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

                foreach (TransportMode mode in Enum.GetValues<TransportMode>().Where(m => !seen.Contains(m)))
                {
                    file.Add(EnumNames.ToKebab(mode), null, $"no emission factor for mode '{EnumNames.ToKebab(mode)}'; every mode needs one");
                }
            }
        }

        return file.Count == 0 && payload is not null
            ? EmissionFactorsLoadResult.Valid(new EmissionFactorSet(payload, factors))
            : EmissionFactorsLoadResult.Invalid(file.AllProblems());
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

    private static EmissionFactor? ReadFactor(JsonElement element, int index, DataFile file, CorridorNetwork network, HashSet<TransportMode> seen)
    {
        string? modeText = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("mode", out JsonElement m)
            && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        string recordId = string.IsNullOrEmpty(modeText) ? $"factors[{index}]" : modeText;
        if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("mode", "value", "unit", "basis", "year", "standIn", "sources", "note");
        TransportMode? mode = null;
        if (f.RequiredString("mode") is { } text)
        {
            if (!EnumNames.TryParseKebab(text, out TransportMode parsed))
            {
                f.Fail("mode", NetworkRule.UnknownMode, $"unknown mode '{text}'; known: {EnumNames.AllKebab<TransportMode>()}");
            }
            else if (!seen.Add(parsed))
            {
                f.Fail("mode", NetworkRule.DuplicateId, $"mode '{text}' has more than one factor");
            }
            else
            {
                mode = parsed;
            }
        }

        double? value = Positive(f, "value");
        EmissionUnit? unit = f.RequiredString("unit") switch
        {
            null => null,
            EmissionUnits.PerTonneKm => EmissionUnit.KgCo2ePerTonneKm,
            EmissionUnits.PerTeuKm => EmissionUnit.KgCo2ePerTeuKm,
            string other => Fail<EmissionUnit>(f, "unit", $"unknown unit '{other}'; known: {EmissionUnits.PerTonneKm}, {EmissionUnits.PerTeuKm}"),
        };
        EmissionBasis? basis = f.RequiredString("basis") switch
        {
            null => null,
            "wtw" => EmissionBasis.WellToWheel,
            "ttw" => EmissionBasis.TankToWheel,
            string other => Fail<EmissionBasis>(f, "basis", $"unknown basis '{other}'; known: wtw, ttw"),
        };
        string? year = f.RequiredString("year");
        bool? standIn = f.Required("standIn") is not null ? f.OptionalBool("standIn") : null;
        string note = f.OptionalString("note") ?? "";
        IReadOnlyList<string>? sources = Sources(f, network);
        return f.Ok && mode is { } md && value is { } v && unit is { } u && basis is { } b && year is not null && standIn is { } s && sources is not null
            ? new EmissionFactor(md, v, u, b, year, s, sources, note)
            : null;
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
