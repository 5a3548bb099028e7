using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Corridors.Cli.Output;
using Corridors.Domain.Network;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors places [--corridor ID] [--json] [--dir DIR]</c>: lists the network's places.</summary>
internal static class PlacesCommand
{
    public static Command Create(CliContext context)
    {
        var corridor = new Option<string?>("--corridor")
        {
            Description = "Only places on this corridor's own links and its Chinese and European end places.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON array instead of a table." };
        var directory = NetworkLocator.DirectoryOption();
        var command = new Command("places", "List places: id, name, country, kind, UN/LOCODE.") { corridor, json, directory };
        command.SetAction(parse => Run(context, parse.GetValue(directory), parse.GetValue(corridor), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string? directory, string? corridorId, bool asJson)
    {
        CorridorNetwork? network = new NetworkLocator(context).LoadOrReport(directory);
        if (network is null)
        {
            return ExitCodes.InvalidNetwork;
        }

        IReadOnlyList<Place> places = network.Places;
        if (corridorId is not null)
        {
            if (!network.TryGetCorridor(new CorridorId(corridorId), out Corridor corridor))
            {
                context.Error.WriteLine(
                    $"corridors: unknown corridor '{corridorId}'; known corridors: {string.Join(", ", network.Corridors.Select(c => c.Id.Value))}");
                return ExitCodes.UsageError;
            }

            places = PlacesOf(network, corridor);
        }

        if (asJson)
        {
            WriteJson(context.Output, places);
        }
        else
        {
            WriteTable(context.Output, places);
        }

        return ExitCodes.Success;
    }

    /// <summary>Ends of the corridor's own links plus its declared end places, ordered by id.</summary>
    private static List<Place> PlacesOf(CorridorNetwork network, Corridor corridor)
    {
        var ids = new HashSet<PlaceId>(corridor.ChinaPlaces.Concat(corridor.EuropePlaces));
        foreach (Link link in network.Links.Where(l => l.BelongsTo(corridor.Id)))
        {
            ids.Add(link.From);
            ids.Add(link.To);
        }

        return [.. network.Places.Where(p => ids.Contains(p.Id))];
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<Place> places)
    {
        var table = new TextTable("ID", "NAME", "COUNTRY", "KIND", "UNLOCODE");
        foreach (Place place in places)
        {
            table.AddRow(place.Id.Value, place.Name, place.CountryCode, EnumNames.ToKebab(place.Kind), place.UnLocode ?? "-");
        }

        table.Write(output);
        output.WriteLine($"{places.Count} place{(places.Count == 1 ? "" : "s")}");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<Place> places)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Names keep their diacritics ("Małaszewicze") instead of \u escapes; the output is not embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartArray();
            foreach (Place place in places)
            {
                writer.WriteStartObject();
                writer.WriteString("id", place.Id.Value);
                writer.WriteString("name", place.Name);
                writer.WriteStartArray("aliases");
                foreach (string alias in place.Aliases)
                {
                    writer.WriteStringValue(alias);
                }

                writer.WriteEndArray();
                writer.WriteString("country", place.CountryCode);
                writer.WriteString("kind", EnumNames.ToKebab(place.Kind));
                if (place.UnLocode is null)
                {
                    writer.WriteNull("unlocode");
                }
                else
                {
                    writer.WriteString("unlocode", place.UnLocode);
                }

                writer.WriteNumber("latitudeDeg", place.Location.Y);
                writer.WriteNumber("longitudeDeg", place.Location.X);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
