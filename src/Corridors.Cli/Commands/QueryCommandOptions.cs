using System.CommandLine;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// The options every query command shares (origin, destination, date, constraints, output, where to answer), read
/// into the API's request fields as typed. Nothing is validated here: the application layer
/// (<c>Corridors.Application.Queries</c>) checks every field, in-process and on a server alike, and names the field
/// it refuses; <see cref="OptionFor"/> turns that field back into the option it came from. Only the CLI's own
/// spellings of enum values (<c>--avoid-mode rail</c>, <c>--objective lowest-risk</c>) are read here, since the
/// request carries enums.
/// </summary>
internal sealed class QueryCommandOptions
{
    public Option<string> From { get; } = new("--from") { Description = "Origin: place id, name, alias or UN/LOCODE.", Required = true };

    public Option<string> To { get; } = new("--to") { Description = "Destination: place id, name, alias or UN/LOCODE.", Required = true };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Date YYYY-MM-DD (default: today, UTC)." };

    public Option<bool> IncludePlanned { get; } = new("--include-planned") { Description = "Allow links under construction or planned." };

    public Option<string[]> AvoidCountry { get; } = new("--avoid-country") { Description = "ISO 3166-1 alpha-2 code of a country to avoid (repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> AvoidMode { get; } = new("--avoid-mode") { Description = "Mode to avoid: rail, road, sea, ferry, inland-waterway (repeatable)." };

    public Option<string[]> AvoidPlace { get; } = new("--avoid-place") { Description = "Place or chokepoint to avoid, e.g. bab-el-mandeb (repeatable)." };

    public Option<int?> MaxBorderCrossings { get; } = new("--max-border-crossings") { Description = "At most this many land border crossings." };

    public Option<string> Objective { get; } = new("--objective")
    {
        Description = "fastest (lowest P50), shortest (km), lowest-risk (sanction exposure) or lowest-co2e.",
        DefaultValueFactory = _ => "fastest",
    };

    public Option<string> Perspective { get; } = new("--perspective")
    {
        Description = $"Sanction regimes binding the shipper: {RegimeCodes.All} (comma-separated) or none.",
        DefaultValueFactory = _ => PerspectiveParser.DefaultRegimes,
    };

    public Option<string> Cargo { get; } = new("--cargo")
    {
        Description = $"Cargo class: {EnumNames.AllKebab<CargoClass>()}.",
        DefaultValueFactory = _ => PerspectiveParser.DefaultCargo,
    };

    public Option<string> HsCode { get; } = new("--hs-code")
    {
        Description = "The cargo's HS or CN code, e.g. 8471.30: measures on goods lists it falls under apply too.",
    };

    public Option<double?> MaxRiskScore { get; } = new("--max-risk-score") { Description = "Highest acceptable sanction risk score, 0–100." };

    public Option<bool> AllowedOnly { get; } = new("--allowed-only") { Description = "Only routes no sanction measure prohibits for the perspective." };

    public Option<bool> CapeSpeedUplift { get; } = new("--cape-speed-uplift")
    {
        Description = "CO2e of sea legs round the Cape includes the higher speed of diverted services (x1.1095 per km, assumption A-SEA-CAPE); off: the longer distance only.",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON object on stdout." };

    public Option<string?> Scenario { get; } = new("--scenario")
    {
        Description = "Answer under a scenario: in-process one of the shipped ones (networks/scenarios/*.json), with --server any id the server knows.",
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Ask a running Corridors server (its gRPC address, e.g. http://127.0.0.1:50051) instead of computing in-process; several comma-separated addresses spread the calls round-robin over replicas.",
    };

    public Option<string?> Directory { get; } = NetworkLocator.DirectoryOption();

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[]
                 {
                     From, To, AsOf, IncludePlanned, AvoidCountry, AvoidMode, AvoidPlace, MaxBorderCrossings, Objective,
                     Perspective, Cargo, HsCode, MaxRiskScore, AllowedOnly, CapeSpeedUplift, Json, Scenario, Server, Directory,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>
    /// The options of a command over many pairs (<c>capacity</c>): everything but <c>--from</c>, <c>--to</c>, the
    /// objective and the CO2e options.
    /// </summary>
    public void AddWithoutPlacesTo(Command command)
    {
        foreach (Option option in new Option[]
                 {
                     AsOf, IncludePlanned, AvoidCountry, AvoidMode, AvoidPlace, MaxBorderCrossings, Perspective, Cargo, HsCode,
                     MaxRiskScore, AllowedOnly, Json, Scenario, Server, Directory,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>
    /// The request's <c>constraints</c> from the options as typed. An unknown mode name is added to
    /// <paramref name="errors"/>; everything else is checked by the application layer.
    /// </summary>
    public V1.RouteConstraints Constraints(ParseResult parse, string? corridorId, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        var constraints = new V1.RouteConstraints
        {
            CorridorId = corridorId ?? string.Empty,
            AsOf = parse.GetValue(AsOf) ?? string.Empty,
            IncludePlanned = parse.GetValue(IncludePlanned),
            AllowedOnly = parse.GetValue(AllowedOnly),
            CapeSpeedUplift = parse.GetValue(CapeSpeedUplift),
            Perspective = new V1.Perspective { CargoClass = parse.GetValue(Cargo) ?? string.Empty, HsCode = parse.GetValue(HsCode) ?? string.Empty },
        };
        constraints.Perspective.Regimes.Add((parse.GetValue(Perspective) ?? string.Empty).Split([',', '+'], StringSplitOptions.TrimEntries));
        constraints.AvoidCountries.Add(parse.GetValue(AvoidCountry) ?? []);
        constraints.AvoidPlaces.Add(parse.GetValue(AvoidPlace) ?? []);
        foreach (string text in parse.GetValue(AvoidMode) ?? [])
        {
            if (EnumNames.TryParseKebab(text, out TransportMode mode))
            {
                constraints.AvoidModes.Add(Application.Mapping.EnumMapping.ToProto(mode));
            }
            else
            {
                errors.Add($"--avoid-mode: unknown mode '{text}'; known: {EnumNames.AllKebab<TransportMode>()}");
            }
        }

        if (parse.GetValue(MaxBorderCrossings) is { } crossings)
        {
            constraints.MaxBorderCrossings = crossings;
        }

        if (parse.GetValue(MaxRiskScore) is { } maxRisk)
        {
            constraints.MaxRiskScore = maxRisk;
        }

        return constraints;
    }

    /// <summary>The scenario option as the request's <c>scenario_id</c> (empty for the baseline).</summary>
    public string ScenarioId(ParseResult parse) => parse.GetValue(Scenario) ?? string.Empty;

    /// <summary>The objective option as its proto value; null (with an error) for a name the CLI does not know.</summary>
    public V1.Objective? ObjectiveOf(ParseResult parse, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string text = parse.GetValue(Objective) ?? "fastest";
        V1.Objective? objective = text.Trim().ToLowerInvariant() switch
        {
            "fastest" => V1.Objective.Fastest,
            "shortest" or "shortest-distance" => V1.Objective.ShortestDistance,
            "lowest-risk" => V1.Objective.LowestRisk,
            "lowest-co2e" => V1.Objective.LowestCo2E,
            _ => null,
        };
        if (objective is null)
        {
            errors.Add($"--objective: unknown objective '{text}'; known: fastest, shortest, lowest-risk, lowest-co2e");
        }

        return objective;
    }

    /// <summary>
    /// The option a request field came from: <c>constraints.avoid_countries[0]</c> → <c>--avoid-country</c>,
    /// <c>origin</c> → <c>--from</c>, <c>constraints.perspective.cargo_class</c> → <c>--cargo</c>; any other field
    /// is its own name in kebab case (<c>max_overlap</c> → <c>--max-overlap</c>).
    /// </summary>
    public static string OptionFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.StartsWith("volumes[", StringComparison.Ordinal))
        {
            // An entry of the volumes file: keep the entry's index and field so the line can be found.
            return $"--volumes {field}";
        }

        string name = field.StartsWith("constraints.", StringComparison.Ordinal) ? field["constraints.".Length..] : field;
        int index = name.IndexOf('[', StringComparison.Ordinal);
        name = index >= 0 ? name[..index] : name;
        return name switch
        {
            "origin" => "--from",
            "destination" => "--to",
            "corridor_id" => "--corridor",
            "perspective.regimes" => "--perspective",
            "perspective.cargo_class" => "--cargo",
            "perspective.hs_code" => "--hs-code",
            "avoid_countries" => "--avoid-country",
            "avoid_modes" => "--avoid-mode",
            "avoid_places" => "--avoid-place",
            "scenario_id" => "--scenario",
            "include_baseline" => "--baseline",
            _ => "--" + name.Replace('_', '-'),
        };
    }
}
