using System.Text.Json.Nodes;

namespace Corridors.BadInput;

/// <summary>
/// Applies a file case's input (<c>FILE | OP</c>, see <see cref="BadInputCase.Input"/>) to a copy of <c>networks/</c>.
/// Every edit must hit: a path or text that is not there fails the test instead of silently testing nothing.
/// </summary>
public static class FileEdit
{
    public static void Apply(string directory, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int bar = input.IndexOf(" | ", StringComparison.Ordinal);
        string file = Path.Combine(directory, input[..bar]);
        string op = input[(bar + 3)..];
        string verb = op.Split(' ', 2)[0];
        string rest = op.Length > verb.Length ? op[(verb.Length + 1)..] : string.Empty;
        switch (verb)
        {
            case "delete":
                File.Delete(file);
                break;
            case "write":
                File.WriteAllText(file, rest);
                break;
            case "text":
                string[] parts = rest.Split(" => ", 2);
                string text = File.ReadAllText(file);
                if (!text.Contains(parts[0], StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"'{parts[0]}' is not in {file}");
                }

                File.WriteAllText(file, ReplaceFirst(text, parts[0], parts[1]));
                break;
            case "set" or "add" or "remove":
                string[] pathAndValue = rest.Split(' ', 2);
                JsonNode root = JsonNode.Parse(File.ReadAllText(file))!;
                string[] segments = pathAndValue[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
                JsonNode parent = Walk(root, segments[..^1]);
                string last = segments[^1];
                JsonNode? value = pathAndValue.Length > 1 ? JsonNode.Parse(pathAndValue[1]) : null;
                Edit(parent, last, verb, value);
                File.WriteAllText(file, root.ToJsonString());
                break;
            default:
                throw new InvalidOperationException($"unknown edit '{verb}'");
        }
    }

    private static void Edit(JsonNode parent, string segment, string verb, JsonNode? value)
    {
        if (verb == "add")
        {
            (Walk(parent, [segment]) as JsonArray ?? throw new InvalidOperationException($"{segment} is not an array")).Add(value);
        }
        else if (parent is JsonObject obj)
        {
            if (!obj.ContainsKey(segment))
            {
                throw new InvalidOperationException($"no property '{segment}'");
            }

            if (verb == "remove")
            {
                obj.Remove(segment);
            }
            else
            {
                obj[segment] = value;
            }
        }
        else if (parent is JsonArray array)
        {
            int index = IndexOf(array, segment);
            if (verb == "remove")
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }
    }

    private static JsonNode Walk(JsonNode node, IEnumerable<string> segments)
    {
        foreach (string segment in segments)
        {
            node = node switch
            {
                JsonArray array => array[IndexOf(array, segment)]!,
                JsonObject obj => obj[segment] ?? throw new InvalidOperationException($"no property '{segment}'"),
                _ => throw new InvalidOperationException($"cannot walk into '{segment}'"),
            };
        }

        return node;
    }

    private static int IndexOf(JsonArray array, string segment)
    {
        if (segment.StartsWith("[id=", StringComparison.Ordinal))
        {
            string id = segment[4..^1];
            for (int i = 0; i < array.Count; i++)
            {
                if (array[i]?["id"]?.GetValue<string>() == id)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"no element with id '{id}'");
        }

        int index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
        return index < array.Count ? index : throw new InvalidOperationException($"no element {index}");
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
