using System.Globalization;
using System.Text.RegularExpressions;
using Corridors.Domain.Geo;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network.Validation;

/// <summary>
/// Checks a <see cref="NetworkDraft"/> against every rule of <c>networks/README.md</c> and reports all problems at
/// once, in a deterministic order (by file, then as found). Pure: no state, no I/O.
/// </summary>
public static partial class NetworkValidator
{
    /// <summary>README: "each end lies within 1 km of its place" (a station or terminal, not the city centre).</summary>
    public const double MaxEndpointOffsetKm = 1.0;

    /// <summary>
    /// A link longer than 2.5× the great circle between its ends is almost certainly a data error (wrong place or
    /// a typo). Real outliers stay below it: Shanghai–Rotterdam via Suez is about 2.2× the great circle.
    /// </summary>
    public const double MaxCircuityRatio = 2.5;

    /// <summary>
    /// Published distances are rounded to whole kilometres, so a straight link may be up to half a kilometre
    /// under the computed great circle without being wrong.
    /// </summary>
    public const double DistanceRoundingToleranceKm = 0.5;

    /// <summary>
    /// A length derived by an assumption (no source) may be at most 2× the great circle — the most winding derived
    /// rail line, Ulan-Ude–Irkutsk round Lake Baikal, is 1.94× — unless the drawn alignment itself is that long
    /// (a sea lane round a continent): then at most <see cref="MaxDerivedPolylineRatio"/> × the drawn polyline.
    /// Published lengths answer only to <see cref="MaxCircuityRatio"/>.
    /// </summary>
    public const double MaxDerivedCircuityRatio = 2.0;

    /// <summary>The largest factor a derived length may apply to its drawn polyline (A-CIRC-POLYLINE's 1.05).</summary>
    public const double MaxDerivedPolylineRatio = 1.05;

    /// <summary>
    /// A stated length may fall short of the drawn polyline by 1 % (vertices drawn a little off the line) plus the
    /// two endpoint offsets (<see cref="MaxEndpointOffsetKm"/> each); anything shorter understates the line.
    /// </summary>
    public const double PolylineToleranceRatio = 0.01;

    /// <summary>The corridor id links use for the shared access networks.</summary>
    private static readonly string AccessCorridorId = CorridorId.Access.Value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCodeShape();

    // UN/LOCODE: ISO 3166-1 alpha-2 country, then three letters or digits 2-9 (UNECE Recommendation 16).
    [GeneratedRegex("^[A-Z]{2}[A-Z2-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnLocodeShape();

    /// <summary>All problems of the draft; empty when the network is valid.</summary>
    public static IReadOnlyList<NetworkProblem> Validate(NetworkDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<NetworkProblem>();
        var index = new DraftIndex(draft);

        CheckDeclarations(draft, problems);
        foreach (Place place in draft.Places)
        {
            CheckPlace(place, index, problems);
        }

        foreach (Link link in draft.Links)
        {
            CheckLink(link, index, problems);
        }

        // Rules over the shape of the whole graph are only meaningful when every feature could be built: with a
        // broken link they would report false gaps. The broken feature is reported already; fix it, then re-run.
        bool complete = index.DeclaredPlaceIds.IsSubsetOf(index.Places.Keys)
                        && index.DeclaredLinkIds.IsSubsetOf(draft.Links.Select(l => l.Id.Value));
        if (complete)
        {
            CheckRequiredDwells(draft, problems);
        }

        foreach (Corridor corridor in draft.Corridors)
        {
            CheckCorridor(corridor, draft, index, complete, problems);
        }

        // Stable sort: grouped by file, in the order found within a file.
        return [.. problems.OrderBy(p => p.File, StringComparer.Ordinal)];
    }

    private static void CheckDeclarations(NetworkDraft draft, List<NetworkProblem> problems)
    {
        // Places and links share one id space; corridors and sources each have their own.
        IEnumerable<IGrouping<string, Declaration>> groups = draft.Declarations
            .GroupBy(d => (d.Kind is DeclarationKind.Place or DeclarationKind.Link ? "feature:" : d.Kind + ":") + d.Id, StringComparer.Ordinal);
        foreach (IGrouping<string, Declaration> group in groups)
        {
            List<Declaration> all = [.. group];
            if (all.Count < 2)
            {
                continue;
            }

            string where = string.Join(", ", all.Select(d => $"{d.File} ({EnumNames.ToKebab(d.Kind)})"));
            foreach (Declaration duplicate in all.Skip(1))
            {
                problems.Add(new NetworkProblem(duplicate.File, duplicate.Id, "id", NetworkRule.DuplicateId,
                    $"id '{duplicate.Id}' is defined {all.Count} times: {where}"));
            }
        }

        foreach (Declaration declaration in draft.Declarations)
        {
            if (declaration.Kind != DeclarationKind.Source && !IdShape().IsMatch(declaration.Id))
            {
                problems.Add(new NetworkProblem(declaration.File, declaration.Id, "id", NetworkRule.InvalidIdShape,
                    $"id '{declaration.Id}' must be lowercase ASCII letters and digits joined by '-' (e.g. 'alashankou-dostyk')"));
            }
        }
    }

    private static void CheckPlace(Place place, DraftIndex index, List<NetworkProblem> problems)
    {
        string file = place.File;
        string id = place.Id.Value;
        if (string.IsNullOrWhiteSpace(place.Name))
        {
            problems.Add(new NetworkProblem(file, id, "name", NetworkRule.MissingProperty, "name is empty"));
        }

        CheckCoordinate(place.Location.Y, place.Location.X, file, id, "geometry.coordinates", problems);
        CheckCountry(place.CountryCode, file, id, "country", problems);
        if (place.UnLocode is not null && !UnLocodeShape().IsMatch(place.UnLocode))
        {
            problems.Add(new NetworkProblem(file, id, "unlocode", NetworkRule.InvalidUnLocode,
                $"UN/LOCODE '{place.UnLocode}' must be 2 uppercase letters then 3 uppercase letters or digits 2-9, no space (e.g. 'CNXIY'), or null"));
        }

        var seenDwells = new HashSet<DwellKind>();
        for (int i = 0; i < place.Dwells.Count; i++)
        {
            Dwell dwell = place.Dwells[i];
            string field = $"dwells[{i}]";
            if (!seenDwells.Add(dwell.Kind))
            {
                problems.Add(new NetworkProblem(file, id, field, NetworkRule.DuplicateDwell,
                    $"second '{EnumNames.ToKebab(dwell.Kind)}' dwell at the place; each kind may appear once"));
            }

            CheckRange(dwell.Hours, "hours", file, id, field, index, problems);
        }

        CheckSourceIds(place.SourceIds, file, id, "sources", index, problems);
    }

    private static void CheckLink(Link link, DraftIndex index, List<NetworkProblem> problems)
    {
        string file = link.File;
        string id = link.Id.Value;

        Place? from = ResolveEnd(link.From, "from", file, id, index, problems);
        Place? to = ResolveEnd(link.To, "to", file, id, index, problems);
        if (link.From == link.To)
        {
            problems.Add(new NetworkProblem(file, id, "to", NetworkRule.LinkToItself,
                $"link starts and ends at the same place '{link.From}'"));
        }

        CheckGauge(link, file, id, problems);
        CheckTraction(link, file, id, index, problems);
        CheckDistance(link, from, to, file, id, index, problems);

        if ((link.SpeedKmh is null) == (link.DurationHours is null))
        {
            string which = link.SpeedKmh is null ? "neither" : "both";
            problems.Add(new NetworkProblem(file, id, "speedKmh", NetworkRule.SpeedAndDurationNotExclusive,
                $"link has {which} speedKmh and durationHours; exactly one is required"));
        }

        if (link.SpeedKmh is not null)
        {
            CheckRange(link.SpeedKmh, "km/h", file, id, "speedKmh", index, problems);
        }

        if (link.DurationHours is not null)
        {
            CheckRange(link.DurationHours, "hours", file, id, "durationHours", index, problems);
        }

        CheckGeometry(link, from, to, file, id, problems);

        if (link.Countries.Count == 0)
        {
            problems.Add(new NetworkProblem(file, id, "countries", NetworkRule.InvalidCountryCode,
                "countries is empty; list the ISO 3166-1 alpha-2 code of every country the link crosses"));
        }

        for (int i = 0; i < link.Countries.Count; i++)
        {
            CheckCountry(link.Countries[i], file, id, $"countries[{i}]", problems);
        }

        CheckLinkCorridors(link, file, id, index, problems);

        if (link.Opens is not null)
        {
            CheckProvenance(link.Opens.Provenance, file, id, "opens", index, problems);
        }

        if (link.Closes is not null)
        {
            CheckProvenance(link.Closes.Provenance, file, id, "closes", index, problems);
        }

        if (link.Opens is not null && link.Closes is not null && link.Opens.Date >= link.Closes.Date)
        {
            problems.Add(new NetworkProblem(file, id, "closes", NetworkRule.InvalidDate,
                $"closes {Iso(link.Closes.Date)} is not after opens {Iso(link.Opens.Date)}"));
        }

        if (link.Capacity is not null)
        {
            CapacityFigure capacity = link.Capacity;
            if (!double.IsFinite(capacity.Value) || capacity.Value <= 0)
            {
                problems.Add(new NetworkProblem(file, id, "capacity.value", NetworkRule.NonPositiveValue,
                    $"capacity {Number(capacity.Value)} must be a finite number above 0"));
            }

            if (string.IsNullOrWhiteSpace(capacity.Unit))
            {
                problems.Add(new NetworkProblem(file, id, "capacity.unit", NetworkRule.NonPositiveValue,
                    "capacity has no unit (e.g. 'Mt/yr', 'TEU/day', 'trains/day')"));
            }

            CheckProvenance(capacity.Provenance, file, id, "capacity", index, problems);
        }

        CheckSourceIds(link.SourceIds, file, id, "sources", index, problems);
    }

    private static Place? ResolveEnd(PlaceId end, string field, string file, string id, DraftIndex index, List<NetworkProblem> problems)
    {
        if (index.Places.TryGetValue(end.Value, out Place? place))
        {
            return place;
        }

        if (index.DeclaredPlaceIds.Contains(end.Value))
        {
            // Declared but broken: its own problems are already reported.
            return null;
        }

        string detail = index.DeclaredLinkIds.Contains(end.Value) ? $"'{end}' is a link, not a place" : $"no place has id '{end}'";
        problems.Add(new NetworkProblem(file, id, field, NetworkRule.UnknownPlace, $"{field} refers to an unknown place: {detail}"));
        return null;
    }

    private static void CheckGauge(Link link, string file, string id, List<NetworkProblem> problems)
    {
        if (link.Mode == TransportMode.Rail && link.GaugeMm is null)
        {
            problems.Add(new NetworkProblem(file, id, "gaugeMm", NetworkRule.RailLinkWithoutGauge,
                "rail link has no gaugeMm (1435 standard, 1520 Russian/CIS, 1668 Iberian)"));
        }
        else if (link.Mode == TransportMode.Rail && link.GaugeMm is <= 0)
        {
            problems.Add(new NetworkProblem(file, id, "gaugeMm", NetworkRule.RailLinkWithoutGauge,
                $"gaugeMm {link.GaugeMm} must be a positive track gauge in mm (1435, 1520, 1668)"));
        }
        else if (link.Mode != TransportMode.Rail && link.GaugeMm is not null)
        {
            problems.Add(new NetworkProblem(file, id, "gaugeMm", NetworkRule.GaugeOnNonRailLink,
                $"gaugeMm {link.GaugeMm} on a {EnumNames.ToKebab(link.Mode)} link; only rail links have a gauge"));
        }
    }

    /// <summary>A traction tag belongs on a rail link, names its sources, and dates only an electrification.</summary>
    private static void CheckTraction(Link link, string file, string id, DraftIndex index, List<NetworkProblem> problems)
    {
        if (link.Traction is not { } traction)
        {
            return;
        }

        if (link.Mode != TransportMode.Rail)
        {
            problems.Add(new NetworkProblem(file, id, "traction", NetworkRule.TractionNotFitting,
                $"traction on a {EnumNames.ToKebab(link.Mode)} link; only rail links have one"));
        }

        if (traction.ElectrifiedFrom is { } from)
        {
            if (traction.Kind != TractionKind.Electric)
            {
                problems.Add(new NetworkProblem(file, id, "electrifiedFrom", NetworkRule.TractionNotFitting,
                    "electrifiedFrom on a diesel link; only an electric link has an electrification date"));
            }

            CheckProvenance(from.Provenance, file, id, "electrifiedFrom", index, problems);
        }

        if (traction.SourceIds.Count == 0)
        {
            problems.Add(new NetworkProblem(file, id, "tractionSources", NetworkRule.TractionWithoutSources,
                $"traction '{EnumNames.ToKebab(traction.Kind)}' has no tractionSources; name a source or an A-… assumption in sources.csv"));
        }

        CheckSourceIds(traction.SourceIds, file, id, "tractionSources", index, problems);
    }

    private static void CheckDistance(Link link, Place? from, Place? to, string file, string id, DraftIndex index, List<NetworkProblem> problems)
    {
        double km = link.DistanceKm.Value;
        CheckProvenance(link.DistanceKm.Provenance, file, id, "distanceKm", index, problems);
        if (!double.IsFinite(km) || km <= 0)
        {
            problems.Add(new NetworkProblem(file, id, "distanceKm.value", NetworkRule.NonPositiveDistance,
                $"distance {Number(km)} km must be a finite number above 0"));
            return;
        }

        if (from is null || to is null || link.From == link.To || !IsValid(from.Location) || !IsValid(to.Location))
        {
            return;
        }

        double geodesicKm = Geodesy.HaversineKm(from.Location.Coordinate, to.Location.Coordinate);
        double polylineKm = PolylineKm(link.Geometry.Coordinates);
        if (km < geodesicKm - DistanceRoundingToleranceKm)
        {
            problems.Add(new NetworkProblem(file, id, "distanceKm.value", NetworkRule.DistanceBelowGeodesic,
                $"distance {Km(km)} km is shorter than the great-circle distance {Km(geodesicKm)} km between '{link.From}' and '{link.To}'"));
        }
        else if (km > MaxCircuityRatio * geodesicKm)
        {
            problems.Add(new NetworkProblem(file, id, "distanceKm.value", NetworkRule.DistanceAboveCircuityLimit,
                $"distance {Km(km)} km is more than {MaxCircuityRatio.ToString(CultureInfo.InvariantCulture)}x the great-circle distance {Km(geodesicKm)} km between '{link.From}' and '{link.To}' ({Ratio(km / geodesicKm)}x)"));
        }
        else if (link.DistanceKm.Provenance.IsDerived && km > MaxDerivedCircuityRatio * geodesicKm
                 && !(km <= (polylineKm * MaxDerivedPolylineRatio) + (2 * MaxEndpointOffsetKm)))
        {
            problems.Add(new NetworkProblem(file, id, "distanceKm.value", NetworkRule.DerivedDistanceAboveCircuityLimit,
                $"derived distance {Km(km)} km is more than {MaxDerivedCircuityRatio.ToString(CultureInfo.InvariantCulture)}x the great-circle distance {Km(geodesicKm)} km between '{link.From}' and '{link.To}' ({Ratio(km / geodesicKm)}x) and more than {MaxDerivedPolylineRatio.ToString(CultureInfo.InvariantCulture)}x its drawn polyline; cite a published length"));
        }
        else if (km < (polylineKm * (1 - PolylineToleranceRatio)) - (2 * MaxEndpointOffsetKm))
        {
            problems.Add(new NetworkProblem(file, id, "distanceKm.value", NetworkRule.DistanceBelowPolyline,
                $"distance {Km(km)} km is shorter than the link's drawn polyline {Km(polylineKm)} km; state the published length or derive it from the alignment"));
        }
    }

    /// <summary>Length of a lon/lat polyline along great circles between its vertices; NaN when a vertex is invalid.</summary>
    private static double PolylineKm(Coordinate[] coordinates)
    {
        double km = 0;
        for (int i = 1; i < coordinates.Length; i++)
        {
            if (!IsValid(coordinates[i - 1]) || !IsValid(coordinates[i]))
            {
                return double.NaN;
            }

            km += Geodesy.HaversineKm(coordinates[i - 1], coordinates[i]);
        }

        return km;
    }

    private static void CheckGeometry(Link link, Place? from, Place? to, string file, string id, List<NetworkProblem> problems)
    {
        Coordinate[] coordinates = link.Geometry.Coordinates;
        bool allValid = true;
        for (int i = 0; i < coordinates.Length; i++)
        {
            allValid &= CheckCoordinate(coordinates[i].Y, coordinates[i].X, file, id, $"geometry.coordinates[{i}]", problems);
        }

        if (!allValid || coordinates.Length < 2)
        {
            return;
        }

        CheckEndpoint(coordinates[0], "start", from, link.From, file, id, "geometry.coordinates[0]", problems);
        CheckEndpoint(coordinates[^1], "end", to, link.To, file, id, $"geometry.coordinates[{coordinates.Length - 1}]", problems);
    }

    private static void CheckEndpoint(Coordinate end, string which, Place? place, PlaceId placeId, string file, string id, string field, List<NetworkProblem> problems)
    {
        if (place is null || !IsValid(place.Location))
        {
            return;
        }

        double offsetKm = Geodesy.HaversineKm(end, place.Location.Coordinate);
        if (offsetKm > MaxEndpointOffsetKm)
        {
            string role = which == "start" ? "from" : "to";
            problems.Add(new NetworkProblem(file, id, field, NetworkRule.GeometryEndpointTooFar,
                $"geometry {which} is {Km(offsetKm)} km from its '{role}' place '{placeId}' (at most {MaxEndpointOffsetKm.ToString("0.0", CultureInfo.InvariantCulture)} km allowed)"));
        }
    }

    private static void CheckLinkCorridors(Link link, string file, string id, DraftIndex index, List<NetworkProblem> problems)
    {
        if (link.Corridors.Count == 0)
        {
            problems.Add(new NetworkProblem(file, id, "corridors", NetworkRule.LinkWithoutCorridor,
                $"link belongs to no corridor; list corridor ids ({index.AllowedCorridors}) or [\"access\"]"));
        }

        for (int i = 0; i < link.Corridors.Count; i++)
        {
            string corridor = link.Corridors[i].Value;
            if (corridor != AccessCorridorId && !index.DeclaredCorridorIds.Contains(corridor))
            {
                problems.Add(new NetworkProblem(file, id, $"corridors[{i}]", NetworkRule.UnknownCorridor,
                    $"unknown corridor '{corridor}'; allowed: {index.AllowedCorridors}"));
            }
        }
    }

    private static void CheckRequiredDwells(NetworkDraft draft, List<NetworkProblem> problems)
    {
        var incident = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
        foreach (Link link in draft.Links)
        {
            Add(link.From.Value, link);
            if (link.To != link.From)
            {
                Add(link.To.Value, link);
            }
        }

        foreach (Place place in draft.Places)
        {
            List<Link> links = incident.GetValueOrDefault(place.Id.Value) ?? [];
            List<int> gauges = [.. links.Where(l => l.Mode == TransportMode.Rail && l.GaugeMm is not null)
                .Select(l => l.GaugeMm!.Value).Distinct().Order()];
            if (gauges.Count > 1 && place.DwellOf(DwellKind.GaugeBreak) is null)
            {
                problems.Add(new NetworkProblem(place.File, place.Id.Value, "dwells", NetworkRule.MissingGaugeBreakDwell,
                    $"rail links of gauges {string.Join(" and ", gauges.Select(g => $"{g} mm"))} meet here ({Names(links.Where(l => l.Mode == TransportMode.Rail))}) but the place has no 'gauge-break' dwell"));
            }

            List<Link> land = [.. links.Where(l => !l.IsWater)];
            List<Link> water = [.. links.Where(l => l.IsWater)];
            if (land.Count > 0 && water.Count > 0 && place.DwellOf(DwellKind.PortHandling) is null)
            {
                problems.Add(new NetworkProblem(place.File, place.Id.Value, "dwells", NetworkRule.MissingPortHandlingDwell,
                    $"land links ({Names(land)}) and water links ({Names(water)}) meet here but the place has no 'port-handling' dwell"));
            }

            if (place.Kind == PlaceKind.FerryTerminal && place.DwellOf(DwellKind.FerryWait) is null)
            {
                problems.Add(new NetworkProblem(place.File, place.Id.Value, "dwells", NetworkRule.MissingFerryWaitDwell,
                    "ferry terminal has no 'ferry-wait' dwell"));
            }
        }

        void Add(string placeId, Link link)
        {
            if (!incident.TryGetValue(placeId, out List<Link>? list))
            {
                list = [];
                incident[placeId] = list;
            }

            list.Add(link);
        }
    }

    private static void CheckCorridor(Corridor corridor, NetworkDraft draft, DraftIndex index, bool graphComplete, List<NetworkProblem> problems)
    {
        string file = draft.CorridorsFile;
        string id = corridor.Id.Value;
        if (string.IsNullOrWhiteSpace(corridor.Name))
        {
            problems.Add(new NetworkProblem(file, id, "name", NetworkRule.MissingProperty, "name is empty"));
        }

        if (id == AccessCorridorId)
        {
            problems.Add(new NetworkProblem(file, id, "id", NetworkRule.DuplicateId,
                "'access' is reserved for the shared access networks and cannot be a corridor id"));
        }

        CheckSourceIds(corridor.SourceIds, file, id, "sources", index, problems);
        bool endsKnown = CheckCorridorEnds(corridor.ChinaPlaces, "chinaPlaces", file, id, index, problems)
                         & CheckCorridorEnds(corridor.EuropePlaces, "europePlaces", file, id, index, problems);

        if (!graphComplete)
        {
            return;
        }

        List<Link> links = [.. draft.Links.Where(l => l.BelongsTo(corridor.Id))];
        if (links.Count == 0)
        {
            problems.Add(new NetworkProblem(file, id, null, NetworkRule.CorridorWithoutLinks,
                $"no link lists corridor '{id}' in its corridors"));
            return;
        }

        if (!endsKnown)
        {
            return;
        }

        // Over the corridor's own links plus access links, whatever their status; one-way links one way only.
        var adjacency = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Link link in draft.Links.Where(l => l.BelongsTo(corridor.Id) || l.IsAccess))
        {
            Connect(link.From.Value, link.To.Value);
            if (!link.OneWay)
            {
                Connect(link.To.Value, link.From.Value);
            }
        }

        foreach (PlaceId china in corridor.ChinaPlaces)
        {
            HashSet<string> reached = Reach(china.Value, adjacency);
            foreach (PlaceId europe in corridor.EuropePlaces.Where(e => !reached.Contains(e.Value)))
            {
                problems.Add(new NetworkProblem(file, id, "europePlaces", NetworkRule.CorridorNotConnected,
                    $"no path from '{china}' to '{europe}' over the links of corridor '{id}' and access links (any status)"));
            }
        }

        if (links.All(l => l.Mode == TransportMode.Sea))
        {
            CheckSeaportsReachable(corridor, links, draft, index, problems);
        }

        void Connect(string a, string b)
        {
            if (!adjacency.TryGetValue(a, out List<string>? next))
            {
                next = [];
                adjacency[a] = next;
            }

            next.Add(b);
        }
    }

    /// <summary>
    /// On a maritime corridor every seaport is reachable by sea from the corridor's Chinese seaport ends (the
    /// router reaches a seaport end only by sea), unless the port says why not (<see cref="Place.OffMaritimeReason"/>).
    /// </summary>
    private static void CheckSeaportsReachable(Corridor corridor, List<Link> seaLinks, NetworkDraft draft, DraftIndex index, List<NetworkProblem> problems)
    {
        var adjacency = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Link link in seaLinks)
        {
            Add(link.From.Value, link.To.Value);
            if (!link.OneWay)
            {
                Add(link.To.Value, link.From.Value);
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlaceId end in corridor.ChinaPlaces)
        {
            if (index.Places.TryGetValue(end.Value, out Place? place) && place.Kind == PlaceKind.Seaport)
            {
                reached.UnionWith(Reach(end.Value, adjacency));
            }
        }

        foreach (Place port in draft.Places.Where(p => p.Kind == PlaceKind.Seaport && p.OffMaritimeReason is null && !reached.Contains(p.Id.Value)))
        {
            problems.Add(new NetworkProblem(port.File, port.Id.Value, "kind", NetworkRule.SeaportUnreachableBySea,
                $"seaport '{port.Id}' cannot be reached by sea on corridor '{corridor.Id}'; add a sea lane or state offMaritimeReason"));
        }

        void Add(string a, string b)
        {
            if (!adjacency.TryGetValue(a, out List<string>? next))
            {
                next = [];
                adjacency[a] = next;
            }

            next.Add(b);
        }
    }

    private static bool CheckCorridorEnds(IReadOnlyList<PlaceId> ends, string field, string file, string id, DraftIndex index, List<NetworkProblem> problems)
    {
        if (ends.Count == 0)
        {
            problems.Add(new NetworkProblem(file, id, field, NetworkRule.MissingProperty, $"{field} is empty; name at least one place"));
            return false;
        }

        bool allKnown = true;
        for (int i = 0; i < ends.Count; i++)
        {
            string end = ends[i].Value;
            if (index.Places.ContainsKey(end))
            {
                continue;
            }

            allKnown = false;
            if (!index.DeclaredPlaceIds.Contains(end))
            {
                problems.Add(new NetworkProblem(file, id, $"{field}[{i}]", NetworkRule.UnknownPlace, $"no place has id '{end}'"));
            }
        }

        return allKnown;
    }

    private static HashSet<string> Reach(string start, Dictionary<string, List<string>> adjacency)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (string next in adjacency.GetValueOrDefault(queue.Dequeue()) ?? [])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }

    private static void CheckRange(RangeFigure range, string unit, string file, string id, string field, DraftIndex index, List<NetworkProblem> problems)
    {
        bool finite = double.IsFinite(range.Min) && double.IsFinite(range.Typical) && double.IsFinite(range.Max);
        if (!finite || range.Min <= 0 || range.Min > range.Typical || range.Typical > range.Max)
        {
            problems.Add(new NetworkProblem(file, id, field, NetworkRule.RangeNotOrdered,
                $"range min {Number(range.Min)} / typical {Number(range.Typical)} / max {Number(range.Max)} {unit} must satisfy 0 < min <= typical <= max"));
        }

        CheckProvenance(range.Provenance, file, id, field, index, problems);
    }

    private static void CheckProvenance(Provenance provenance, string file, string id, string field, DraftIndex index, List<NetworkProblem> problems)
    {
        if (provenance.SourceIds.Count == 0 && string.IsNullOrWhiteSpace(provenance.DerivedMethod))
        {
            problems.Add(new NetworkProblem(file, id, field, NetworkRule.FigureWithoutProvenance,
                "figure names neither sources nor derived; every number needs a source id or the method it was derived by"));
        }

        CheckSourceIds(provenance.SourceIds, file, id, $"{field}.sources", index, problems);
    }

    private static void CheckSourceIds(IReadOnlyList<string> sourceIds, string file, string id, string field, DraftIndex index, List<NetworkProblem> problems)
    {
        for (int i = 0; i < sourceIds.Count; i++)
        {
            if (!index.DeclaredSourceIds.Contains(sourceIds[i]))
            {
                problems.Add(new NetworkProblem(file, id, $"{field}[{i}]", NetworkRule.UnknownSource,
                    $"unknown source id '{sourceIds[i]}' (not in sources.csv)"));
            }
        }
    }

    private static void CheckCountry(string code, string file, string id, string field, List<NetworkProblem> problems)
    {
        if (!CountryCodeShape().IsMatch(code))
        {
            problems.Add(new NetworkProblem(file, id, field, NetworkRule.InvalidCountryCode,
                $"country code '{code}' must be ISO 3166-1 alpha-2: two uppercase letters (e.g. 'CN', 'KZ'; 'XZ' for international waters)"));
        }
    }

    private static bool CheckCoordinate(double latitudeDeg, double longitudeDeg, string file, string id, string field, List<NetworkProblem> problems)
    {
        if (Geodesy.IsValidWgs84(latitudeDeg, longitudeDeg))
        {
            return true;
        }

        problems.Add(new NetworkProblem(file, id, field, NetworkRule.InvalidCoordinate,
            $"coordinate [longitude {Number(longitudeDeg)}, latitude {Number(latitudeDeg)}] must be finite with latitude in [-90, 90] and longitude in [-180, 180]"));
        return false;
    }

    private static bool IsValid(Point point) => Geodesy.IsValidWgs84(point.Y, point.X);

    private static bool IsValid(Coordinate coordinate) => Geodesy.IsValidWgs84(coordinate.Y, coordinate.X);

    private static string Names(IEnumerable<Link> links) => string.Join(", ", links.Select(l => l.Id.Value).Order(StringComparer.Ordinal));

    private static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Lookups over the draft, built once per validation.</summary>
    private sealed class DraftIndex
    {
        public DraftIndex(NetworkDraft draft)
        {
            foreach (Place place in draft.Places)
            {
                Places.TryAdd(place.Id.Value, place);
            }

            foreach (Declaration declaration in draft.Declarations)
            {
                HashSet<string> set = declaration.Kind switch
                {
                    DeclarationKind.Place => DeclaredPlaceIds,
                    DeclarationKind.Link => DeclaredLinkIds,
                    DeclarationKind.Corridor => DeclaredCorridorIds,
                    _ => DeclaredSourceIds,
                };
                set.Add(declaration.Id);
            }

            AllowedCorridors = string.Join(", ", DeclaredCorridorIds.Order(StringComparer.Ordinal).Append(AccessCorridorId));
        }

        /// <summary>The first built place of each id (duplicates are reported separately).</summary>
        public Dictionary<string, Place> Places { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredPlaceIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredLinkIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredCorridorIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredSourceIds { get; } = new(StringComparer.Ordinal);

        public string AllowedCorridors { get; }
    }
}
