using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Output;

/// <summary>
/// The JSON the query commands print with <c>--json</c>. Field names are those of the gRPC API's JSON mapping
/// (issue "Routing core" fixes them), so a script written against one reads the other.
/// </summary>
internal static class RouteJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep "Małaszewicze" readable
    };

    public static void WriteComparison(TextWriter output, CorridorComparisonSet set)
    {
        Write(output, writer =>
        {
            writer.WriteStartObject();
            WriteHeader(writer, set.Origin, set.Destination, set.AsOf, set.Objective);
            writer.WriteStartArray("comparisons");
            foreach (CorridorComparison comparison in set.Comparisons)
            {
                writer.WriteStartObject();
                writer.WriteString("corridorId", comparison.Corridor.Id.Value);
                writer.WriteString("corridorName", comparison.Corridor.Name);
                WriteAnswer(writer, comparison.Answer);
                if (comparison.Answer.Route is { } route)
                {
                    WriteRouteFields(writer, route);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static void WriteRoutes(TextWriter output, RouteQuery query, Place origin, Place destination, RouteSet set)
    {
        Write(output, writer =>
        {
            writer.WriteStartObject();
            WriteHeader(writer, origin, destination, query.Constraints.AsOf!.Value, query.Objective);
            WriteAnswer(writer, set.Answer);
            writer.WriteStartArray("routes");
            foreach (Route route in set.Routes)
            {
                writer.WriteStartObject();
                WriteRouteFields(writer, route);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static void WritePareto(TextWriter output, RouteQuery query, Place origin, Place destination, ParetoFront front)
    {
        Write(output, writer =>
        {
            writer.WriteStartObject();
            WriteHeader(writer, origin, destination, query.Constraints.AsOf!.Value, query.Objective);
            WriteAnswer(writer, front.Answer);
            writer.WriteStartArray("criteria");
            foreach (Objective criterion in front.Criteria)
            {
                writer.WriteStringValue(EnumNames.ToKebab(criterion));
            }

            writer.WriteEndArray();
            writer.WriteBoolean("truncated", front.Truncated);
            writer.WriteStartArray("routes");
            foreach (ParetoRoute member in front.Routes)
            {
                writer.WriteStartObject();
                WriteRouteFields(writer, member.Route);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteHeader(Utf8JsonWriter writer, Place origin, Place destination, DateOnly asOf, Objective objective)
    {
        writer.WritePropertyName("origin");
        WritePlace(writer, origin, withCountry: true);
        writer.WritePropertyName("destination");
        WritePlace(writer, destination, withCountry: true);
        writer.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("objective", EnumNames.ToKebab(objective));
    }

    private static void WriteAnswer(Utf8JsonWriter writer, RouteAnswer answer)
    {
        writer.WriteString("outcome", OutcomeName(answer.Outcome));
        writer.WriteString("explanation", answer.Explanation);
        if (answer.OpensOn is { } opensOn)
        {
            writer.WriteString("opensOn", opensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteStartArray("reasons");
        foreach (Infeasibility reason in answer.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("constraint", EnumNames.ToKebab(reason.Constraint));
            writer.WriteString("value", reason.Value);
            writer.WriteString("message", reason.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRouteFields(Utf8JsonWriter writer, Route route)
    {
        writer.WriteNumber("distanceKm", Math.Round(route.DistanceKm, 1));
        writer.WriteStartObject("transitDays");
        writer.WriteNumber("p10", Math.Round(route.TransitDays.P10, 2));
        writer.WriteNumber("p50", Math.Round(route.TransitDays.P50, 2));
        writer.WriteNumber("p90", Math.Round(route.TransitDays.P90, 2));
        writer.WriteEndObject();
        writer.WriteNumber("borderCrossings", route.BorderCrossings);
        writer.WriteNumber("gaugeBreaks", route.GaugeBreaks);
        writer.WriteStartObject("modeKm");
        foreach (TransportMode mode in new[] { TransportMode.Rail, TransportMode.Road, TransportMode.Sea, TransportMode.Ferry })
        {
            writer.WriteNumber(EnumNames.ToKebab(mode), Math.Round(route.ModeKm.GetValueOrDefault(mode), 1));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("countries");
        foreach (CountryKm country in route.Countries)
        {
            writer.WriteStartObject();
            writer.WriteString("code", country.CountryCode);
            writer.WriteNumber("km", Math.Round(country.DistanceKm, 1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("legs");
        foreach (RouteLeg leg in route.Legs)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("from");
            WritePlace(writer, leg.From, withCountry: false);
            writer.WritePropertyName("to");
            WritePlace(writer, leg.To, withCountry: false);
            writer.WriteString("linkId", leg.Link.Id.Value);
            writer.WriteString("mode", EnumNames.ToKebab(leg.Mode));
            writer.WriteNumber("distanceKm", Math.Round(leg.DistanceKm, 1));
            writer.WriteStartObject("hours");
            writer.WriteNumber("p50", Math.Round(leg.P50Hours, 2));
            writer.WriteEndObject();
            writer.WriteNumber("dwellHours", Math.Round(leg.DwellHours, 2));
            writer.WriteStartArray("dwells");
            foreach (AppliedDwell dwell in leg.Dwells)
            {
                writer.WriteStartObject();
                writer.WriteString("placeId", dwell.Place.Id.Value);
                writer.WriteString("kind", EnumNames.ToKebab(dwell.Kind));
                writer.WriteNumber("hours", Math.Round(dwell.ExpectedHours, 2));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (route.SanctionRisk is { } risk)
        {
            WriteRisk(writer, risk);
        }

        if (route.Emissions is { } emissions)
        {
            writer.WriteNumber("co2eKg", Math.Round(emissions.TotalCo2eKg, 1));
            writer.WriteStartObject("co2e");
            writer.WriteString("payload", emissions.Payload.Description);
            writer.WriteBoolean("usesStandInFactors", emissions.UsesStandIns);
            writer.WriteString("method", "ISO 14083-style estimate (distance × mode factor × payload), not a certified figure");
            writer.WriteEndObject();
        }

        writer.WriteStartObject("geometry");
        writer.WriteString("type", "LineString");
        writer.WriteStartArray("coordinates");
        foreach (var c in route.Geometry.Coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(c.X, 5));
            writer.WriteNumberValue(Math.Round(c.Y, 5));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRisk(Utf8JsonWriter writer, RouteRisk risk)
    {
        writer.WriteStartObject("sanctionRisk");
        writer.WriteNumber("score", Math.Round(risk.Score, 1));
        writer.WriteString("level", EnumNames.ToKebab(risk.Level));
        writer.WriteString("verdict", EnumNames.ToKebab(risk.Verdict));
        writer.WriteStartArray("prohibitedBy");
        foreach (string id in risk.ProhibitingMeasureIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteNumber("exposurePoints", Math.Round(risk.ExposurePoints, 3));
        writer.WriteStartArray("exposures");
        foreach (MeasureExposure exposure in risk.Exposures)
        {
            writer.WriteStartObject();
            writer.WriteString("measureId", exposure.Measure.Id);
            writer.WriteString("regime", exposure.Measure.Regime.ToString());
            writer.WriteString("kind", EnumNames.ToKebab(exposure.Measure.Kind));
            writer.WriteString("title", exposure.Measure.Title);
            writer.WriteBoolean("prohibits", exposure.Measure.Prohibits);
            writer.WriteNumber("km", Math.Round(exposure.DistanceKm, 1));
            writer.WriteNumber("days", Math.Round(exposure.Days, 2));
            writer.WriteNumber("points", Math.Round(exposure.Points, 3));
            writer.WriteStartArray("links");
            foreach (LinkId link in exposure.Links)
            {
                writer.WriteStringValue(link.Value);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("places");
            foreach (PlaceId place in exposure.Places)
            {
                writer.WriteStringValue(place.Value);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("sources");
            foreach (string source in exposure.Measure.SourceIds)
            {
                writer.WriteStringValue(source);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter writer, Place place, bool withCountry)
    {
        writer.WriteStartObject();
        writer.WriteString("id", place.Id.Value);
        writer.WriteString("name", place.Name);
        if (withCountry)
        {
            writer.WriteString("country", place.CountryCode);
        }

        writer.WriteEndObject();
    }

    /// <summary>Outcome names as in the gRPC enum (<c>ROUTE_OUTCOME_FOUND</c>…).</summary>
    public static string OutcomeName(RouteOutcome outcome) =>
        "ROUTE_OUTCOME_" + EnumNames.ToKebab(outcome).Replace('-', '_').ToUpperInvariant();

    private static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
