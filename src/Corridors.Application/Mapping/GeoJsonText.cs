using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using NetTopologySuite.Geometries;

namespace Corridors.Application.Mapping;

/// <summary>GeoJSON text (RFC 7946: lon/lat, WGS84) of routes and corridors, for clients to draw directly.</summary>
public static class GeoJsonText
{
    /// <summary>Coordinates are written with 5 decimals: 1e-5° is about 1.1 m, finer than any network geometry.</summary>
    private const int CoordinateDecimals = 5;

    private const string LineStringStart = "{\"type\":\"LineString\",\"coordinates\":[";
    private const string LineStringEnd = "]}";

    /// <summary>Each link's coordinates as text, formatted once per loaded link (links live as long as their network).</summary>
    private static readonly ConditionalWeakTable<Link, LinkText> LinkTexts = new();

    /// <summary>
    /// Routes' lines kept. The load tool's mix of 5,000 pairs, dates and shippers (180 pairs of terminals over 27 years)
    /// travels 2,529 distinct paths, whose lines measured 890–2,043 characters: at 2 bytes a character plus 1 for the
    /// kept UTF-8, some 3–6 KB each, so 4,096 lines hold some 12–24 MB (an estimate from those lengths, not a measured heap).
    /// </summary>
    public const int MaxKeptLines = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LegPath, string> KeptLines = new();

    /// <summary><c>{"type":"LineString","coordinates":[[lon,lat],…]}</c>.</summary>
    public static string LineString(LineString line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buffer = new ArrayBufferWriter<byte>(64 + (line.NumPoints * 24));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteLineString(writer, line.Coordinates);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The route's line, the same text as <see cref="LineString(NetTopologySuite.Geometries.LineString)"/> of
    /// <see cref="Route.Geometry"/>, but joined from each leg's link text, formatted once per link and direction,
    /// instead of formatting every number of every route: a point repeated where two legs meet (or twice in a row on
    /// one link) is written once, as the route's geometry holds it.
    /// <para>
    /// The text depends on the legs alone, and the router shares a leg between the routes that travel it the same way,
    /// so it is kept per sequence of legs (<see cref="MaxKeptLines"/> at most, emptied when full): every answer over the
    /// same path — any date, shipper or payload — gets the same string, listed in <see cref="SharedMessages"/> so a
    /// transport can keep its UTF-8 bytes too.
    /// </para>
    /// </summary>
    public static string Route(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = new LegPath(route.Legs);
        if (KeptLines.TryGetValue(path, out string? kept))
        {
            return kept;
        }

        if (KeptLines.Count >= MaxKeptLines)
        {
            KeptLines.Clear();
        }

        string line = SharedMessages.ShareText(Join(route.Legs));
        KeptLines.TryAdd(path.Copy(), line);
        return line;
    }

    private static string Join(IReadOnlyList<RouteLeg> legs)
    {
        ReadOnlyMemory<char>[] parts = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(1, legs.Count));
        try
        {
            int count = 0;
            int length = LineStringStart.Length + LineStringEnd.Length;
            Coordinate? last = null;
            foreach (RouteLeg leg in legs)
            {
                LinkText link = LinkTexts.GetValue(leg.Link, static l => new LinkText(l.Geometry.Coordinates));
                (Points points, Coordinate first, Coordinate end) = leg.Forward ? (link.Forward, link.Start, link.End) : (link.Backward, link.End, link.Start);
                ReadOnlyMemory<char> part = last is not null && last.Equals2D(first) ? points.AfterFirst : points.All;
                if (part.IsEmpty)
                {
                    continue;
                }

                length += part.Length + (count > 0 ? 1 : 0); // a comma before every part but the first
                parts[count++] = part;
                last = end;
            }

            return string.Create(length, (parts, count), static (text, state) =>
            {
                LineStringStart.CopyTo(text);
                int at = LineStringStart.Length;
                for (int i = 0; i < state.count; i++)
                {
                    if (i > 0)
                    {
                        text[at++] = ',';
                    }

                    state.parts[i].Span.CopyTo(text[at..]);
                    at += state.parts[i].Length;
                }

                LineStringEnd.CopyTo(text[at..]);
            });
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(parts, clearArray: true);
        }
    }

    /// <summary>A FeatureCollection with one LineString feature per link, with id, mode, distanceKm and status properties.</summary>
    public static string LinkCollection(IEnumerable<Link> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (Link link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteString("id", link.Id.Value);
                writer.WritePropertyName("geometry");
                WriteLineString(writer, link.Geometry.Coordinates);
                writer.WriteStartObject("properties");
                writer.WriteString("mode", EnumNames.ToKebab(link.Mode));
                writer.WriteNumber("distanceKm", link.DistanceKm.Value);
                writer.WriteString("status", EnumNames.ToKebab(link.Status));
                writer.WriteString("from", link.From.Value);
                writer.WriteString("to", link.To.Value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteLineString(Utf8JsonWriter writer, Coordinate[] coordinates)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "LineString");
        writer.WriteStartArray("coordinates");
        foreach (Coordinate c in coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(c.X, CoordinateDecimals));
            writer.WriteNumberValue(Math.Round(c.Y, CoordinateDecimals));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// One link's points as <c>[lon,lat]</c> text in both directions, repeated points dropped, with its first and
    /// last point (the <c>Forward</c> text starts at <c>Start</c>).
    /// </summary>
    private sealed class LinkText
    {
        public LinkText(Coordinate[] coordinates)
        {
            var distinct = new List<Coordinate>(coordinates.Length);
            foreach (Coordinate c in coordinates)
            {
                if (distinct.Count == 0 || !distinct[^1].Equals2D(c))
                {
                    distinct.Add(c);
                }
            }

            Start = distinct[0];
            End = distinct[^1];
            string[] forward = [.. distinct.Select(Point)];
            Forward = new Points(forward);
            Backward = new Points([.. forward.Reverse()]);
        }

        public Points Forward { get; }

        public Points Backward { get; }

        public Coordinate Start { get; }

        public Coordinate End { get; }

        private static string Point(Coordinate c)
        {
            var buffer = new ArrayBufferWriter<byte>(48);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(Math.Round(c.X, CoordinateDecimals));
                writer.WriteNumberValue(Math.Round(c.Y, CoordinateDecimals));
                writer.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>A link's points in one direction as comma-joined text: all of them, or all but the first.</summary>
    private sealed class Points
    {
        private readonly string _text;
        private readonly int _afterFirst;

        public Points(string[] points)
        {
            _text = string.Join(',', points);
            _afterFirst = points.Length == 1 ? _text.Length : points[0].Length + 1;
        }

        public ReadOnlyMemory<char> All => _text.AsMemory();

        public ReadOnlyMemory<char> AfterFirst => _text.AsMemory(_afterFirst);
    }

    /// <summary>A route's legs as a key: equal when they are the same leg objects in the same order.</summary>
    private readonly struct LegPath(IReadOnlyList<RouteLeg> legs) : IEquatable<LegPath>
    {
        private readonly int _hash = HashOf(legs);

        public LegPath Copy() => new(legs.ToArray());

        public bool Equals(LegPath other)
        {
            if (_hash != other._hash || legs.Count != other.Legs.Count)
            {
                return false;
            }

            for (int i = 0; i < legs.Count; i++)
            {
                if (!ReferenceEquals(legs[i], other.Legs[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is LegPath other && Equals(other);

        public override int GetHashCode() => _hash;

        private IReadOnlyList<RouteLeg> Legs => legs;

        private static int HashOf(IReadOnlyList<RouteLeg> legs)
        {
            var hash = new HashCode();
            for (int i = 0; i < legs.Count; i++)
            {
                hash.Add(RuntimeHelpers.GetHashCode(legs[i]));
            }

            return hash.ToHashCode();
        }
    }
}
