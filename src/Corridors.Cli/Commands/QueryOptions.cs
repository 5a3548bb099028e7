using System.CommandLine;
using System.Globalization;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Cli.Commands;

/// <summary>
/// The options every query command shares (origin, destination, date, constraints, output), parsed once into a
/// <see cref="RouteQuery"/>. Every bad value is reported at once with the option it came from.
/// </summary>
internal sealed class QueryOptions
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

    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON object on stdout." };

    public Option<string?> Scenario { get; } = new("--scenario")
    {
        Description = "Answer under a scenario: in-process one of the shipped ones (networks/scenarios/*.json), with --server any id the server knows.",
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Ask a running Corridors server (its gRPC address, e.g. http://127.0.0.1:50051) instead of computing in-process.",
    };

    public Option<string> Directory { get; } = new("--dir")
    {
        Description = "Network folder (default: networks).",
        DefaultValueFactory = _ => NetworkLocator.DefaultDirectory,
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[]
                 {
                     From, To, AsOf, IncludePlanned, AvoidCountry, AvoidMode, AvoidPlace, MaxBorderCrossings, Objective,
                     Perspective, Cargo, HsCode, MaxRiskScore, AllowedOnly, Json, Scenario, Server, Directory,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>
    /// The query, or null after printing every problem (unknown or ambiguous places with their candidates, bad dates,
    /// unknown modes) to stderr.
    /// </summary>
    public RouteQuery? Parse(ParseResult parse, CorridorRouter router, CliContext context, CorridorId? corridor = null)
    {
        CorridorNetwork network = router.Network;
        var errors = new List<string>();
        var resolver = new PlaceResolver(network);
        PlaceId? origin = ResolvePlace(resolver, "--from", parse.GetValue(From)!, errors);
        PlaceId? destination = ResolvePlace(resolver, "--to", parse.GetValue(To)!, errors);

        DateOnly? asOf = null;
        string? asOfText = parse.GetValue(AsOf);
        if (asOfText is not null)
        {
            if (DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                asOf = date;
            }
            else
            {
                errors.Add($"--as-of: '{asOfText}' is not a date in the form YYYY-MM-DD");
            }
        }

        var modes = new HashSet<TransportMode>();
        foreach (string text in parse.GetValue(AvoidMode) ?? [])
        {
            if (EnumNames.TryParseKebab(text, out TransportMode mode))
            {
                modes.Add(mode);
            }
            else
            {
                errors.Add($"--avoid-mode: unknown mode '{text}'; known: {EnumNames.AllKebab<TransportMode>()}");
            }
        }

        var places = new HashSet<PlaceId>();
        foreach (string text in parse.GetValue(AvoidPlace) ?? [])
        {
            if (ResolvePlace(resolver, "--avoid-place", text, errors) is { } place)
            {
                places.Add(place);
            }
        }

        Objective objective = Domain.Routing.Objective.Fastest;
        string objectiveText = parse.GetValue(Objective) ?? "fastest";
        if (!TryParseObjective(objectiveText, out objective))
        {
            errors.Add($"--objective: unknown objective '{objectiveText}'; known: fastest, shortest, lowest-risk, lowest-co2e");
        }

        ScenarioOverlay? scenario = null;
        if (parse.GetValue(Scenario) is { } scenarioId)
        {
            if (router.Dataset.Scenarios.FirstOrDefault(s => s.Id == scenarioId.Trim()) is { } shipped)
            {
                // Shipped scenarios are version 1, as the server serves them.
                scenario = ScenarioOverlay.Compile(shipped, 1, router.Graph, router.Dataset.Sanctions);
            }
            else
            {
                errors.Add($"--scenario: no shipped scenario is called '{scenarioId}'; known: {string.Join(", ", router.Dataset.Scenarios.Select(s => s.Id))} (scenarios created on a server need --server)");
            }
        }

        QueryResult<Perspective> perspective = PerspectiveParser.Parse(parse.GetValue(Perspective), parse.GetValue(Cargo), asOf ?? router.Today, parse.GetValue(HsCode));
        errors.AddRange(perspective.Errors.Select(e => $"{OptionName(e.Field)}: {e.Message}"));

        if (errors.Count > 0 || origin is null || destination is null || perspective.Value is null)
        {
            foreach (string error in errors)
            {
                context.Error.WriteLine($"corridors: {error}");
            }

            return null;
        }

        return new RouteQuery
        {
            Origin = origin.Value,
            Destination = destination.Value,
            Objective = objective,
            Regimes = perspective.Value.Regimes,
            Cargo = perspective.Value.Cargo,
            HsCode = perspective.Value.HsCode,
            Scenario = scenario,
            Constraints = new RouteConstraints
            {
                Corridor = corridor,
                AsOf = asOf,
                IncludePlanned = parse.GetValue(IncludePlanned),
                AvoidCountries = new HashSet<string>((parse.GetValue(AvoidCountry) ?? []).Select(c => c.Trim().ToUpperInvariant()), StringComparer.Ordinal),
                AvoidModes = modes,
                AvoidPlaces = places,
                MaxBorderCrossings = parse.GetValue(MaxBorderCrossings),
                MaxRiskScore = parse.GetValue(MaxRiskScore),
                AllowedOnly = parse.GetValue(AllowedOnly),
            },
        };
    }

    /// <summary>
    /// The constraints message of a request to the server, from the options as typed: places, dates, regimes and the
    /// rest are resolved and checked by the server. Modes and the objective are parsed here (they are enums on the
    /// wire); unknown ones are added to <paramref name="errors"/>.
    /// </summary>
    public Contracts.V1.RouteConstraints RemoteConstraints(ParseResult parse, string? corridorId, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var constraints = new Contracts.V1.RouteConstraints
        {
            CorridorId = corridorId ?? string.Empty,
            AsOf = parse.GetValue(AsOf) ?? string.Empty,
            IncludePlanned = parse.GetValue(IncludePlanned),
            AllowedOnly = parse.GetValue(AllowedOnly),
            Perspective = new Contracts.V1.Perspective { CargoClass = parse.GetValue(Cargo) ?? string.Empty, HsCode = parse.GetValue(HsCode) ?? string.Empty },
        };
        constraints.Perspective.Regimes.Add((parse.GetValue(Perspective) ?? string.Empty).Split([',', '+'], StringSplitOptions.TrimEntries));
        constraints.AvoidCountries.Add(parse.GetValue(AvoidCountry) ?? []);
        constraints.AvoidPlaces.Add(parse.GetValue(AvoidPlace) ?? []);
        foreach (string text in parse.GetValue(AvoidMode) ?? [])
        {
            if (EnumNames.TryParseKebab(text, out TransportMode mode))
            {
                constraints.AvoidModes.Add(EnumMapping.ToProto(mode));
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

    /// <summary>The scenario option as the requests' <c>scenario_id</c> (empty for the baseline).</summary>
    public string RemoteScenario(ParseResult parse) => parse.GetValue(Scenario)?.Trim() ?? string.Empty;

    /// <summary>The objective option as its proto value; null (with an error) for an unknown name.</summary>
    public Contracts.V1.Objective? RemoteObjective(ParseResult parse, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string text = parse.GetValue(Objective) ?? "fastest";
        if (TryParseObjective(text, out Objective objective))
        {
            return EnumMapping.ToProto(objective);
        }

        errors.Add($"--objective: unknown objective '{text}'; known: fastest, shortest, lowest-risk, lowest-co2e");
        return null;
    }

    /// <summary>
    /// The option a field of the API names: <c>constraints.avoid_countries[0]</c> → <c>--avoid-country</c>,
    /// <c>origin</c> → <c>--from</c>; used for the server's field violations and the domain's query errors alike.
    /// </summary>
    public static string OptionFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string name = field.StartsWith("constraints.", StringComparison.Ordinal) ? field["constraints.".Length..] : field;
        int index = name.IndexOf('[', StringComparison.Ordinal);
        name = index >= 0 ? name[..index] : name;
        return name switch
        {
            "corridor_id" => "--corridor",
            "perspective.regimes" => "--perspective",
            "perspective.cargo_class" => "--cargo",
            "perspective.hs_code" => "--hs-code",
            "avoid_modes" => "--avoid-mode",
            "scenario_id" => "--scenario",
            "include_baseline" => "--baseline",
            _ => OptionName(name),
        };
    }

    /// <summary>Prints the domain's query errors (field and message) to stderr.</summary>
    public static void Report(CliContext context, IReadOnlyList<QueryError> errors)
    {
        foreach (QueryError error in errors)
        {
            context.Error.WriteLine($"corridors: {OptionName(error.Field)}: {error.Message}");
        }
    }

    private static string OptionName(string field) => field switch
    {
        "origin" => "--from",
        "destination" => "--to",
        "avoid_countries" => "--avoid-country",
        "avoid_places" => "--avoid-place",
        "max_border_crossings" => "--max-border-crossings",
        "alternatives" => "--alternatives",
        "max_overlap" => "--max-overlap",
        "as_of" => "--as-of",
        "max_risk_score" => "--max-risk-score",
        _ => "--" + field.Replace('_', '-'),
    };

    private static bool TryParseObjective(string text, out Objective objective)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "fastest":
                objective = Domain.Routing.Objective.Fastest;
                return true;
            case "shortest":
            case "shortest-distance":
                objective = Domain.Routing.Objective.ShortestDistance;
                return true;
            case "lowest-risk":
                objective = Domain.Routing.Objective.LowestRisk;
                return true;
            case "lowest-co2e":
                objective = Domain.Routing.Objective.LowestCo2e;
                return true;
            default:
                objective = Domain.Routing.Objective.Fastest;
                return false;
        }
    }

    private static PlaceId? ResolvePlace(PlaceResolver resolver, string option, string query, List<string> errors)
    {
        switch (resolver.Resolve(query))
        {
            case PlaceResolution.Resolved resolved:
                return resolved.Place.Id;
            case PlaceResolution.Ambiguous ambiguous:
                errors.Add($"{option}: '{query}' is ambiguous; candidates: {string.Join(", ", ambiguous.Candidates.Select(Describe))}");
                return null;
            case PlaceResolution.NotFound notFound:
                errors.Add($"{option}: no place matches '{query}'"
                           + (notFound.Suggestions.Count > 0 ? $"; did you mean: {string.Join(", ", notFound.Suggestions.Select(Describe))}" : string.Empty));
                return null;
            default:
                errors.Add($"{option}: '{query}' could not be resolved");
                return null;
        }
    }

    private static string Describe(Place place) => $"{place.Id} ({place.Name}, {place.CountryCode})";
}
