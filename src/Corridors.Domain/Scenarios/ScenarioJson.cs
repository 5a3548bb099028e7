using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Scenarios;

/// <summary>
/// Reads and writes scenario documents (networks/scenarios/*.json and the API's scenario definitions) and checks
/// them against the network and the measures. Every problem is reported at once with the JSON path of the field;
/// nothing is dropped or fixed.
/// </summary>
public static partial class ScenarioJson
{
    /// <summary>Largest scenario document accepted, in bytes.</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>Most changes in one scenario.</summary>
    public const int MaxChanges = 200;

    /// <summary>What a scenario id looks like, as error messages state it.</summary>
    public const string IdRule = "lowercase letters and digits joined by '-', at most 64 characters";

    /// <summary>True when <paramref name="id"/> is a valid scenario id (<see cref="IdRule"/>), the rule <see cref="Parse"/> applies to a document's id.</summary>
    public static bool IsValidId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= MaxIdLength && IdPattern().IsMatch(id);
    }

    /// <summary>Parses and validates a scenario document.</summary>
    public static QueryResult<Scenario> Parse(string json, CorridorNetwork network, SanctionsCatalog sanctions)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(sanctions);
        if (Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
        {
            return Fail("definition", $"the scenario is {Encoding.UTF8.GetByteCount(json)} bytes; the maximum is {MaxDocumentBytes}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Fail("definition", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (JsonFields.FindUnreadableString(document.RootElement) is { } unreadable)
            {
                return Fail("definition", $"not valid JSON: {unreadable} escapes half of a UTF-16 surrogate pair");
            }

            var reader = new Reader(network, sanctions);
            Scenario? scenario = reader.Read(document.RootElement);
            return scenario is not null && reader.Errors.Count == 0
                ? QueryResult<Scenario>.Success(scenario)
                : QueryResult<Scenario>.Failure(reader.Errors);
        }
    }

    /// <summary>The scenario as a document that <see cref="Parse"/> reads back to an equal scenario.</summary>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", scenario.Id);
            w.WriteString("name", scenario.Name);
            w.WriteString("description", scenario.Description);
            WriteStrings(w, "sources", scenario.SourceIds);
            w.WriteStartArray("changes");
            foreach (ScenarioChange change in scenario.Changes)
            {
                w.WriteStartObject();
                switch (change)
                {
                    case ClosePlace c:
                        w.WriteString("type", "close-place");
                        w.WriteString("place", c.Place.Value);
                        WriteRange(w, c.When);
                        break;
                    case CloseLink c:
                        w.WriteString("type", "close-link");
                        w.WriteString("link", c.Link.Value);
                        WriteRange(w, c.When);
                        break;
                    case SetDwell c:
                        w.WriteString("type", "set-dwell");
                        w.WriteString("place", c.Place.Value);
                        w.WriteString("kind", EnumNames.ToKebab(c.Kind));
                        WriteFigure(w, c.Hours, "Hours");
                        break;
                    case SetLinkSpeed c:
                        w.WriteString("type", "set-link-speed");
                        w.WriteString("link", c.Link.Value);
                        WriteFigure(w, c.SpeedKmh, "Kmh");
                        break;
                    case OpenLink c:
                        w.WriteString("type", "open-link");
                        w.WriteString("link", c.Link.Value);
                        WriteDate(w, "opens", c.Opens);
                        break;
                    case LiftMeasure c:
                        w.WriteString("type", "lift-measure");
                        w.WriteString("measure", c.MeasureId);
                        WriteDate(w, "from", c.From);
                        break;
                    case RedateMeasure c:
                        w.WriteString("type", "redate-measure");
                        w.WriteString("measure", c.MeasureId);
                        WriteDate(w, "effectiveFrom", c.EffectiveFrom);
                        WriteDate(w, "effectiveTo", c.EffectiveTo);
                        break;
                    case AddMeasure c:
                        Measure m = c.Measure;
                        w.WriteString("type", "add-measure");
                        w.WriteString("id", m.Id);
                        w.WriteString("regime", m.Regime.ToString());
                        w.WriteString("title", m.Title);
                        w.WriteString("country", ((CountryTarget)m.Target).CountryCode);
                        w.WriteString("kind", EnumNames.ToKebab(m.Kind));
                        WriteStrings(w, "cargoClasses", [.. m.CargoClasses.Order().Select(x => EnumNames.ToKebab(x))]);
                        w.WriteString("direction", EnumNames.ToKebab(m.Direction));
                        WriteDate(w, "effectiveFrom", m.EffectiveFrom);
                        WriteDate(w, "effectiveTo", m.EffectiveTo);
                        w.WriteNumber("severity", m.Severity);
                        w.WriteBoolean("prohibits", m.Prohibits);
                        WriteStrings(w, "sources", m.SourceIds);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown change {change.GetType().Name}.");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static QueryResult<Scenario> Fail(string field, string message) => QueryResult<Scenario>.Failure([new QueryError(field, message)]);

    private static void WriteRange(Utf8JsonWriter w, DateRange range)
    {
        WriteDate(w, "from", range.From);
        WriteDate(w, "to", range.To);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteFigure(Utf8JsonWriter w, RangeFigure figure, string unit)
    {
        w.WriteNumber("min" + unit, figure.Min);
        w.WriteNumber("typical" + unit, figure.Typical);
        w.WriteNumber("max" + unit, figure.Max);
        if (figure.Provenance.DerivedMethod is { } method)
        {
            w.WriteString("derived", method);
        }

        WriteStrings(w, "sources", figure.Provenance.SourceIds);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
