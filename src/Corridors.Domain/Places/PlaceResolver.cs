using System.Globalization;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Corridors.Domain.Places;

/// <summary>
/// Finds places by what a user types — id, UN/LOCODE, name or alias, ignoring case, diacritics, apostrophes,
/// hyphens and spaces — or by coordinates. Built once from a network; immutable and safe to share between threads.
/// </summary>
public sealed class PlaceResolver
{
    /// <summary>At most this many "did you mean" suggestions.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>Suggest keys within this many single-letter edits of the query (typos such as "Dusiburg").</summary>
    public const int MaxSuggestionEdits = 2;

    /// <summary>Queries shorter than this get no prefix or edit-distance suggestions: too many would match.</summary>
    private const int MinSuggestionQueryLength = 3;

    /// <summary>Widens the search envelope so that rounding at its edge cannot lose a place exactly on the radius.</summary>
    private const double EnvelopeMarginDeg = 1e-6;

    private readonly Dictionary<string, List<Place>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>> _byNameOrCode = new(StringComparer.Ordinal);
    private readonly STRtree<Place> _locations = new();

    public PlaceResolver(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (Place place in network.Places)
        {
            Add(_byId, place.Id.Value, place);
            Add(_byNameOrCode, place.Name, place);
            foreach (string alias in place.Aliases)
            {
                Add(_byNameOrCode, alias, place);
            }

            if (place.UnLocode is not null)
            {
                Add(_byNameOrCode, place.UnLocode, place);
            }

            if (Geodesy.IsValidWgs84(place.Location.Y, place.Location.X))
            {
                _locations.Insert(place.Location.EnvelopeInternal, place);
            }
        }

        // Built now, so queries only read the tree.
        _locations.Build();
    }

    /// <summary>
    /// Resolves a query. An exact id wins over names and aliases; otherwise every place whose id, UN/LOCODE, name or
    /// alias folds to the same key matches, and more than one match is <see cref="PlaceResolution.Ambiguous"/>.
    /// </summary>
    public PlaceResolution Resolve(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string key = PlaceNameKey.Of(query);
        if (key.Length == 0)
        {
            return new PlaceResolution.NotFound(query, []);
        }

        List<Place> byId = _byId.GetValueOrDefault(key) ?? [];
        if (byId.Count == 1)
        {
            return new PlaceResolution.Resolved(byId[0]);
        }

        List<Place> matches = [.. byId.Concat(_byNameOrCode.GetValueOrDefault(key) ?? [])
            .DistinctBy(p => p.Id)
            .OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        return matches.Count switch
        {
            0 => new PlaceResolution.NotFound(query, Suggest(key)),
            1 => new PlaceResolution.Resolved(matches[0]),
            _ => new PlaceResolution.Ambiguous(query, matches),
        };
    }

    /// <summary>
    /// The place nearest to a WGS84 coordinate within <paramref name="maxRadiusKm"/> (great-circle), ties broken by
    /// id. NaN, infinite or out-of-range input, or a radius that is not a positive number, gives
    /// <see cref="NearestPlaceResult.InvalidQuery"/>.
    /// </summary>
    public NearestPlaceResult Nearest(double latitudeDeg, double longitudeDeg, double maxRadiusKm)
    {
        if (!Geodesy.IsValidWgs84(latitudeDeg, longitudeDeg))
        {
            return new NearestPlaceResult.InvalidQuery(
                $"coordinate (latitude {Format(latitudeDeg)}, longitude {Format(longitudeDeg)}) must be finite with latitude in [-90, 90] and longitude in [-180, 180]");
        }

        if (!double.IsFinite(maxRadiusKm) || maxRadiusKm <= 0)
        {
            return new NearestPlaceResult.InvalidQuery($"radius {Format(maxRadiusKm)} km must be a finite number above 0");
        }

        Place? best = null;
        double bestKm = double.PositiveInfinity;
        foreach (Envelope envelope in SearchEnvelopes(latitudeDeg, longitudeDeg, maxRadiusKm))
        {
            foreach (Place candidate in _locations.Query(envelope))
            {
                double km = Geodesy.HaversineKm(latitudeDeg, longitudeDeg, candidate.Location.Y, candidate.Location.X);
                if (km > maxRadiusKm)
                {
                    continue;
                }

                if (km < bestKm || (km == bestKm && string.CompareOrdinal(candidate.Id.Value, best!.Id.Value) < 0))
                {
                    best = candidate;
                    bestKm = km;
                }
            }
        }

        return best is null ? new NearestPlaceResult.NoneWithinRadius(maxRadiusKm) : new NearestPlaceResult.Found(best, bestKm);
    }

    /// <summary>
    /// Lon/lat boxes that contain the spherical cap of the radius: latitude ± the angular radius and longitude ± its
    /// widening at that latitude (asin(sin δ / cos φ)); all longitudes when the cap holds a pole; split in two where
    /// it crosses the antimeridian.
    /// </summary>
    private static List<Envelope> SearchEnvelopes(double latitudeDeg, double longitudeDeg, double radiusKm)
    {
        double angularRad = radiusKm / Geodesy.MeanEarthRadiusKm;
        double angularDeg = angularRad * 180.0 / Math.PI;
        double minLat = latitudeDeg - angularDeg - EnvelopeMarginDeg;
        double maxLat = latitudeDeg + angularDeg + EnvelopeMarginDeg;
        if (angularRad >= Math.PI || minLat <= -90 || maxLat >= 90)
        {
            return [new Envelope(-180, 180, Math.Max(minLat, -90), Math.Min(maxLat, 90))];
        }

        double latitudeRad = latitudeDeg * Math.PI / 180.0;
        double halfWidthDeg = (Math.Asin(Math.Sin(angularRad) / Math.Cos(latitudeRad)) * 180.0 / Math.PI) + EnvelopeMarginDeg;
        double west = longitudeDeg - halfWidthDeg;
        double east = longitudeDeg + halfWidthDeg;
        var envelopes = new List<Envelope> { new(Math.Max(west, -180), Math.Min(east, 180), minLat, maxLat) };
        if (west < -180)
        {
            envelopes.Add(new Envelope(west + 360, 180, minLat, maxLat));
        }

        if (east > 180)
        {
            envelopes.Add(new Envelope(-180, east - 360, minLat, maxLat));
        }

        return envelopes;
    }

    private List<Place> Suggest(string key)
    {
        if (key.Length < MinSuggestionQueryLength)
        {
            return [];
        }

        var scored = new Dictionary<PlaceId, (int Score, Place Place)>();
        foreach ((string candidateKey, List<Place> places) in _byId.Concat(_byNameOrCode))
        {
            int score = candidateKey.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(candidateKey, StringComparison.Ordinal)
                ? 0
                : EditDistance(key, candidateKey, MaxSuggestionEdits);
            if (score > MaxSuggestionEdits)
            {
                continue;
            }

            foreach (Place place in places)
            {
                if (!scored.TryGetValue(place.Id, out (int Score, Place Place) known) || score < known.Score)
                {
                    scored[place.Id] = (score, place);
                }
            }
        }

        return [.. scored.Values
            .OrderBy(s => s.Score)
            .ThenBy(s => s.Place.Id.Value, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(s => s.Place)];
    }

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 as soon as it must exceed the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static void Add(Dictionary<string, List<Place>> index, string text, Place place)
    {
        string key = PlaceNameKey.Of(text);
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out List<Place>? places))
        {
            places = [];
            index[key] = places;
        }

        if (!places.Any(p => p.Id == place.Id))
        {
            places.Add(place);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
