using System.Text.Json;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Network.Loading;

/// <summary>Reads <c>corridors.json</c>: <c>{"corridors": [{id, name, description, chinaPlaces, europePlaces, sources}]}</c>.</summary>
internal static class CorridorRegistryReader
{
    private static readonly string[] CorridorProperties = ["id", "name", "description", "chinaPlaces", "europePlaces", "sources"];

    public static void Read(JsonElement root, FileProblems problems, List<Corridor> corridors, List<Declaration> declarations)
    {
        if (JsonFields.Open(root, problems, null, "") is not { } rootFields)
        {
            return;
        }

        rootFields.RejectUnknown("corridors");
        if (rootFields.Required("corridors") is not { } array)
        {
            return;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            rootFields.Fail("corridors", NetworkRule.WrongType, $"expected an array of corridors but found {JsonFields.Describe(array)}");
            return;
        }

        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            ReadCorridor(element, $"corridors[{i}]", problems, corridors, declarations);
            i++;
        }
    }

    private static void ReadCorridor(JsonElement element, string position, FileProblems problems, List<Corridor> corridors, List<Declaration> declarations)
    {
        string? id = element.ValueKind == JsonValueKind.Object
                     && element.TryGetProperty("id", out JsonElement idElement)
                     && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        string featureId = string.IsNullOrEmpty(id) ? position : id;
        if (JsonFields.Open(element, problems, featureId, "") is not { } fields)
        {
            return;
        }

        fields.RejectUnknown(CorridorProperties);
        if (fields.RequiredString("id") is { Length: 0 })
        {
            fields.Fail("id", NetworkRule.MissingProperty, "id is empty");
        }

        string? name = fields.RequiredString("name");
        string? description = fields.RequiredString("description");
        IReadOnlyList<string>? china = fields.StringArray("chinaPlaces", required: true);
        IReadOnlyList<string>? europe = fields.StringArray("europePlaces", required: true);
        IReadOnlyList<string>? sources = fields.StringArray("sources", required: false);

        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        declarations.Add(new Declaration(id, DeclarationKind.Corridor, problems.File));
        if (fields.Ok && name is not null && description is not null && china is not null && europe is not null)
        {
            corridors.Add(new Corridor(
                new CorridorId(id),
                name,
                description,
                [.. china.Select(p => new PlaceId(p))],
                [.. europe.Select(p => new PlaceId(p))],
                sources ?? []));
        }
    }
}
