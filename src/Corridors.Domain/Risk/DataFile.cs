using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Risk;

/// <summary>
/// Shared reading of the JSON data files next to the network (measures, emission factors): the file is read and
/// parsed with the network loader's strict options, and the typed reads of <see cref="JsonFields"/> report into
/// <see cref="DataProblem"/>s. Nothing throws for bad input.
/// </summary>
internal sealed class DataFile
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly List<NetworkProblem> _raw = [];
    private readonly List<DataProblem> _own = [];

    public DataFile(string fileName)
    {
        FileName = fileName;
        Problems = new FileProblems(fileName, _raw);
    }

    public string FileName { get; }

    /// <summary>The sink that <see cref="JsonFields"/> reports into.</summary>
    public FileProblems Problems { get; }

    public void Add(string? recordId, string? field, string message) => _own.Add(new DataProblem(FileName, recordId, field, message));

    /// <summary>Every problem, structural ones (from <see cref="JsonFields"/>) and rule ones, in the order found per kind.</summary>
    public List<DataProblem> AllProblems() =>
        [.. _raw.Select(p => new DataProblem(p.File, p.FeatureId, p.Field, p.Message)), .. _own];

    public int Count => _raw.Count + _own.Count;

    /// <summary>Reads and parses a file; null (with a problem) when missing, unreadable or malformed.</summary>
    public static JsonDocument? ReadJson(string path, DataFile file)
    {
        if (!File.Exists(path))
        {
            file.Add(null, null, $"file '{path}' does not exist");
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Add(null, null, $"cannot read '{path}': {e.Message}");
            return null;
        }

        return ParseJson(text, file);
    }

    public static JsonDocument? ParseJson(string text, DataFile file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            file.Add(null, null, $"malformed JSON{where}: {(cut > 0 ? message[..cut].TrimEnd() : message)}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Thrown, not JsonException, by the duplicate-property check for a name escaping half of a surrogate pair.
            file.Add(null, null, $"malformed JSON: {e.Message}");
            return null;
        }

        if (JsonFields.FindUnreadableString(document.RootElement) is { } unreadable)
        {
            document.Dispose();
            file.Add(null, null, $"malformed JSON: {unreadable} escapes half of a UTF-16 surrogate pair");
            return null;
        }

        return document;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date, or null with a problem naming the value.</summary>
    public static DateOnly? ParseDate(JsonFields fields, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        fields.Fail(name, NetworkRule.InvalidDate, $"'{text}' is not a date (yyyy-MM-dd)");
        return null;
    }
}
