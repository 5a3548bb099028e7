using System.Buffers;
using System.Text.Json;
using Corridors.Domain.Network;
using NetTopologySuite.Geometries;

namespace Corridors.Application.Mapping;

/// <summary>GeoJSON text (RFC 7946: lon/lat, WGS84) of routes and corridors, for clients to draw directly.</summary>
public static class GeoJsonText
{
    /// <summary>Coordinates are written with 5 decimals: 1e-5° is about 1.1 m, finer than any network geometry.</summary>
    private const int CoordinateDecimals = 5;

    /// <summary><c>{"type":"LineString","coordinates":[[lon,lat],…]}</c>.</summary>
    public static string LineString(LineString line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buffer = new ArrayBufferWriter<byte>(64 + (line.NumPoints * 24));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteLineString(writer, line.Coordinates);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
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

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
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
}
