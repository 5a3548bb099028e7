using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.LoadTest;

/// <summary>
/// The soak's requests, drawn from the server's own places (ListPlaces) with a seeded <see cref="Random"/> per client:
/// origin–destination pairs (mostly China → Europe), as-of dates over the whole answered range, perspectives, cargo
/// classes, objectives, corridors and scenarios — so that nearly every comparison misses the server's cache.
/// </summary>
internal sealed class SoakWorkload
{
    /// <summary>The answered as-of range (README, "Dates and data freshness").</summary>
    internal static readonly DateOnly FirstAsOf = new(2014, 1, 1);
    internal static readonly DateOnly LastAsOf = new(2040, 12, 31);

    private static readonly string[] Corridors = ["northern", "middle", "maritime", "maritime-cape", "cku"];
    private static readonly string[] ShippedScenarios = ["red-sea-closed", "poland-belarus-border-closed", "caspian-ferry-congestion", "cku-open"];
    /// <summary>Shippers' sanctions regimes: each alone, none, and two common combinations.</summary>
    internal static readonly string[][] Regimes = [["EU"], ["US"], ["UK"], ["CA"], ["UN"], ["none"], ["EU", "US"], ["EU", "UK", "US"]];
    private static readonly string[] CargoClasses = ["general", "general", "general", "dual-use", "military", "energy"];
    private static readonly Objective[] Objectives = [Objective.Fastest, Objective.ShortestDistance, Objective.LowestRisk, Objective.LowestCo2E];
    private static readonly HashSet<string> Europe = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CZ", "DE", "ES", "FR", "GB", "GR", "HU", "IT", "LT", "NL", "PL", "RO", "RS", "SI",
    };

    private readonly string[] _china;
    private readonly string[] _europe;
    private readonly string[] _all;
    private readonly IReadOnlyList<string> _watchedScenarios;

    public SoakWorkload(IEnumerable<Place> places, IReadOnlyList<string> watchedScenarios)
    {
        Place[] endpoints = [.. places.Where(p => p.Kind is PlaceKind.City or PlaceKind.Seaport)];
        _china = [.. endpoints.Where(p => p.Country == "CN").Select(p => p.Id)];
        _europe = [.. endpoints.Where(p => Europe.Contains(p.Country)).Select(p => p.Id)];
        _all = [.. endpoints.Select(p => p.Id)];
        _watchedScenarios = watchedScenarios;
        if (_china.Length < 3 || _europe.Length < 3)
        {
            throw new InvalidOperationException($"ListPlaces gave {_china.Length} Chinese and {_europe.Length} European cities or seaports; the soak needs 3 of each.");
        }
    }

    /// <summary>How many distinct origin–destination pairs the comparisons draw from.</summary>
    public long PairCount => ((long)_china.Length * _europe.Length * 2) + ((long)_all.Length * (_all.Length - 1));

    public static int DayCount => LastAsOf.DayNumber - FirstAsOf.DayNumber + 1;

    public CompareCorridorsRequest Compare(Random random)
    {
        (string origin, string destination) = Pair(random);
        var request = new CompareCorridorsRequest
        {
            Origin = origin,
            Destination = destination,
            Constraints = Constraints(random, corridor: false),
            ScenarioId = Scenario(random),
        };
        request.IncludeBaseline = request.ScenarioId.Length > 0 && random.Next(2) == 0;
        return request;
    }

    public FindRoutesRequest Routes(Random random)
    {
        (string origin, string destination) = Pair(random);
        var request = new FindRoutesRequest
        {
            Origin = origin,
            Destination = destination,
            Constraints = Constraints(random, corridor: true),
            Alternatives = 1 + random.Next(3),
            ScenarioId = Scenario(random),
        };
        if (random.Next(4) > 0)
        {
            request.Objective = Objectives[random.Next(Objectives.Length)];
        }

        return request;
    }

    public FindParetoRoutesRequest Pareto(Random random)
    {
        (string origin, string destination) = Pair(random);
        return new FindParetoRoutesRequest
        {
            Origin = origin,
            Destination = destination,
            Constraints = Constraints(random, corridor: true),
            ScenarioId = Scenario(random),
        };
    }

    /// <summary>Three Chinese origins × three European destinations.</summary>
    public ComputeMatrixRequest Matrix(Random random)
    {
        var request = new ComputeMatrixRequest
        {
            Constraints = Constraints(random, corridor: true),
            ScenarioId = Scenario(random),
        };
        request.Origins.AddRange(Distinct(random, _china, 3));
        request.Destinations.AddRange(Distinct(random, _europe, 3));
        if (random.Next(4) > 0)
        {
            request.Objective = Objectives[random.Next(Objectives.Length)];
        }

        return request;
    }

    /// <summary>
    /// A scenario document whose Caspian ferry waits depend on <paramref name="revision"/>: consecutive revisions
    /// differ, so each update changes the Middle corridor's transit time on the default board (Xi'an–Duisburg,
    /// Chongqing–Duisburg) and every watcher of the scenario has news. The figures are a load-test device, not data.
    /// </summary>
    public static string Definition(string id, int revision)
    {
        int typicalHours = 24 + (2 * (revision % 97));
        int minHours = typicalHours - 12;
        int maxHours = typicalHours + 48;
        string change(string place) => string.Create(CultureInfo.InvariantCulture,
            $$"""{ "type": "set-dwell", "place": "{{place}}", "kind": "ferry-wait", "minHours": {{minHours}}, "typicalHours": {{typicalHours}}, "maxHours": {{maxHours}}, "sources": ["MC-18"], "derived": "load test: varies with each update" }""");
        return string.Create(CultureInfo.InvariantCulture, $$"""
            { "id": "{{id}}", "name": "soak {{id}} r{{revision}}", "description": "Written by the soak (tests/Corridors.LoadTest).", "sources": ["MC-18"],
              "changes": [ {{change("aktau")}}, {{change("kuryk")}}, {{change("turkmenbashi")}} ] }
            """);
    }

    private (string Origin, string Destination) Pair(Random random)
    {
        int roll = random.Next(10);
        if (roll < 8)
        {
            return (_china[random.Next(_china.Length)], _europe[random.Next(_europe.Length)]);
        }

        if (roll < 9)
        {
            return (_europe[random.Next(_europe.Length)], _china[random.Next(_china.Length)]);
        }

        string[] two = Distinct(random, _all, 2);
        return (two[0], two[1]);
    }

    private static RouteConstraints Constraints(Random random, bool corridor)
    {
        DateOnly asOf = FirstAsOf.AddDays(random.Next(DayCount));
        var constraints = new RouteConstraints
        {
            AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Perspective = new Perspective { CargoClass = CargoClasses[random.Next(CargoClasses.Length)] },
        };
        constraints.Perspective.Regimes.AddRange(Regimes[random.Next(Regimes.Length)]);
        if (random.Next(10) == 0)
        {
            constraints.Perspective.HsCode = "8471.30";
        }

        if (random.Next(7) == 0)
        {
            constraints.AvoidCountries.AddRange(["RU", "BY"]);
        }

        if (corridor && random.Next(2) == 0)
        {
            constraints.CorridorId = Corridors[random.Next(Corridors.Length)];
        }

        return constraints;
    }

    /// <summary>The baseline most of the time, else a shipped scenario or one the writers are changing.</summary>
    private string Scenario(Random random)
    {
        int roll = random.Next(20);
        return roll switch
        {
            < 14 => string.Empty,
            < 18 => ShippedScenarios[random.Next(ShippedScenarios.Length)],
            _ => _watchedScenarios[random.Next(_watchedScenarios.Count)],
        };
    }

    private static string[] Distinct(Random random, string[] from, int count)
    {
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            string next = from[random.Next(from.Length)];
            if (!chosen.Contains(next))
            {
                chosen.Add(next);
            }
        }

        return [.. chosen];
    }
}
