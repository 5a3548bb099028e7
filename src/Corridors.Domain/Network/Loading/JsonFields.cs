using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Network.Loading;

/// <summary>Collects the problems of one file.</summary>
internal sealed class FileProblems(string file, List<NetworkProblem> problems)
{
    public string File { get; } = file;

    public void Add(string? featureId, string? field, NetworkRule rule, string message) =>
        problems.Add(new NetworkProblem(File, featureId, field, rule, message));
}

/// <summary>
/// Typed reads of one JSON object's properties, each failure reported as a problem naming the file, the feature
/// and the field. A failed read returns null and clears <see cref="Ok"/>; nothing is defaulted or fixed.
/// </summary>
internal sealed class JsonFields
{
    private const int MaxQuotedValueChars = 60;
    private readonly JsonElement _object;
    private readonly FileProblems _problems;
    private readonly string? _featureId;
    private readonly string _prefix;

    private JsonFields(JsonElement jsonObject, FileProblems problems, string? featureId, string prefix)
    {
        _object = jsonObject;
        _problems = problems;
        _featureId = featureId;
        _prefix = prefix;
    }

    /// <summary>False once any read of this object failed.</summary>
    public bool Ok { get; private set; } = true;

    /// <summary>Reads an object, or reports a wrong type and returns null.</summary>
    public static JsonFields? Open(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonFields(element, problems, featureId, field.Length == 0 ? "" : field + ".");
        }

        problems.Add(featureId, field.Length == 0 ? null : field, NetworkRule.WrongType, $"expected an object but found {Describe(element)}");
        return null;
    }

    public string Path(string name) => _prefix + name;

    /// <summary>Reports every property not in <paramref name="allowed"/>: it would otherwise be silently ignored.</summary>
    public void RejectUnknown(params string[] allowed)
    {
        foreach (JsonProperty property in _object.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                Fail(property.Name, NetworkRule.UnknownProperty,
                    $"unknown property '{property.Name}'; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>The property, or null (reported) when absent or null.</summary>
    public JsonElement? Required(string name)
    {
        if (_object.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        Fail(name, NetworkRule.MissingProperty, value.ValueKind == JsonValueKind.Null
            ? $"required property '{name}' is null"
            : $"required property '{name}' is missing");
        return null;
    }

    /// <summary>The property, or null when absent or JSON null (both mean "not given" for optional properties).</summary>
    public JsonElement? Optional(string name) =>
        _object.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public bool Has(string name) => Optional(name) is not null;

    public string? RequiredString(string name) => Required(name) is { } value ? AsString(value, name) : null;

    public string? OptionalString(string name) => Optional(name) is { } value ? AsString(value, name) : null;

    public double? RequiredNumber(string name) => Required(name) is { } value ? AsNumber(value, name) : null;

    public int? OptionalInt(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int integer))
        {
            return integer;
        }

        Fail(name, NetworkRule.WrongType, $"expected a whole number but found {Describe(value)}");
        return null;
    }

    public bool? OptionalBool(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(name, NetworkRule.WrongType, $"expected true or false but found {Describe(value)}");
        return null;
    }

    /// <summary>A string array; absent gives null without a problem unless <paramref name="required"/>.</summary>
    public IReadOnlyList<string>? StringArray(string name, bool required)
    {
        JsonElement? element = required ? Required(name) : Optional(name);
        if (element is not { } array)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Fail(name, NetworkRule.WrongType, $"expected an array of strings but found {Describe(array)}");
            return null;
        }

        var items = new List<string>();
        int i = 0;
        bool ok = true;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Fail($"{name}[{i}]", NetworkRule.WrongType, $"expected a string but found {Describe(item)}");
                ok = false;
            }

            i++;
        }

        return ok ? items : null;
    }

    /// <summary>Reports a problem on a property of this object and marks the object as failed.</summary>
    public void Fail(string name, NetworkRule rule, string message)
    {
        Ok = false;
        _problems.Add(_featureId, Path(name), rule, message);
    }

    /// <summary>Marks the object as failed because a nested read failed (its problem is already reported).</summary>
    public void MarkFailed() => Ok = false;

    private string? AsString(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Fail(name, NetworkRule.WrongType, $"expected a string but found {Describe(value)}");
        return null;
    }

    private double? AsNumber(JsonElement value, string name)
    {
        // Numbers too large for a double parse as infinity: kept, so the rule on the value reports it.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number))
        {
            return number;
        }

        Fail(name, NetworkRule.WrongType, $"expected a number but found {Describe(value)}");
        return null;
    }

    /// <summary>"string \"12\"", "number 12", "array", … for messages.</summary>
    public static string Describe(JsonElement value)
    {
        // Whitespace of pretty-printed arrays and objects is collapsed so that the message stays on one line.
        string raw = string.Join(' ', value.GetRawText().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace("[ ", "[", StringComparison.Ordinal).Replace(" ]", "]", StringComparison.Ordinal);
        if (raw.Length > MaxQuotedValueChars)
        {
            raw = string.Concat(raw.AsSpan(0, MaxQuotedValueChars), "…");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => $"string {raw}",
            JsonValueKind.Number => $"number {raw}",
            JsonValueKind.True or JsonValueKind.False => $"boolean {raw}",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => $"an array {raw}",
            JsonValueKind.Object => $"an object {raw}",
            _ => raw,
        };
    }

    /// <summary>
    /// The JSON path of the first string or property name in <paramref name="element"/> that cannot be read as text,
    /// or null. Such a string escapes half of a UTF-16 surrogate pair (<c>"\ud800"</c>): System.Text.Json parses it
    /// but throws <see cref="InvalidOperationException"/> when it is read, so the loaders refuse the document as
    /// malformed before reading any of it.
    /// </summary>
    public static string? FindUnreadableString(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return CanRead(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FindUnreadableString(item, $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }

                    i++;
                }

                return null;
            case JsonValueKind.Object:
                int position = 0;
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (!CanRead(() => property.Name))
                    {
                        return $"{path}: the name of property {position + 1}";
                    }

                    if (FindUnreadableString(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }

                    position++;
                }

                return null;
            default:
                return null;
        }

        static bool CanRead(Func<string?> read)
        {
            try
            {
                read();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
