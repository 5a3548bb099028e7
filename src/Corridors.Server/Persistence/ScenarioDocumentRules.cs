using System.Text;
using System.Text.Json;

namespace Corridors.Server.Persistence;

/// <summary>
/// What every <see cref="IScenarioStore"/> accepts as an id, a name, a version and a definition document, checked
/// before a write reaches the database. One place for the rules, so that a document SQLite refuses is refused by
/// PostgreSQL with the same field and the same words (the store contract tests run both against these cases).
/// </summary>
internal sealed class ScenarioDocumentRules(ScenarioStoreOptions options)
{
    // Lone surrogates cannot be stored as UTF-8 text; refuse them rather than store replacement characters.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The first problem of a create (id, name, definition), or null.</summary>
    public ScenarioWriteResult? CheckCreate(string id, string name, string definitionJson) =>
        Id(id) ?? Name(name) ?? Definition(definitionJson);

    /// <summary>The first problem of an update (id, version, name, definition), or null.</summary>
    public ScenarioWriteResult? CheckUpdate(string id, long expectedVersion, string name, string definitionJson) =>
        Id(id) ?? Version(expectedVersion) ?? Name(name) ?? Definition(definitionJson);

    /// <summary>The first problem of a delete (id, version), or null.</summary>
    public ScenarioWriteResult? CheckDelete(string id, long expectedVersion) => Id(id) ?? Version(expectedVersion);

    private ScenarioWriteResult.Invalid? Id(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0)
        {
            return new ScenarioWriteResult.Invalid("id", "is empty.");
        }

        if (id.Length > options.MaxIdLength)
        {
            return new ScenarioWriteResult.Invalid("id", $"has {id.Length} characters; at most {options.MaxIdLength} are allowed.");
        }

        // No control characters also means no NUL, which PostgreSQL text cannot hold and SQLite can.
        return id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
            ? new ScenarioWriteResult.Invalid("id", "contains white space, control or non-BMP characters.")
            : null;
    }

    private ScenarioWriteResult.Invalid? Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            return new ScenarioWriteResult.Invalid("name", "is empty.");
        }

        if (name.Length > options.MaxNameLength)
        {
            return new ScenarioWriteResult.Invalid("name", $"has {name.Length} characters; at most {options.MaxNameLength} are allowed.");
        }

        return name.Any(char.IsControl) ? new ScenarioWriteResult.Invalid("name", "contains control characters.") : null;
    }

    private static ScenarioWriteResult.Invalid? Version(long expectedVersion) =>
        expectedVersion >= 1 ? null : new ScenarioWriteResult.Invalid("expected_version", $"is {expectedVersion}; versions start at 1.");

    private ScenarioWriteResult? Definition(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(definitionJson);
        }
        catch (EncoderFallbackException)
        {
            return new ScenarioWriteResult.Invalid("definition_json", "is not valid Unicode text (a lone surrogate).");
        }

        if (utf8.Length > options.MaxDefinitionBytes)
        {
            return new ScenarioWriteResult.TooLarge(utf8.Length, options.MaxDefinitionBytes);
        }

        try
        {
            // A well-formed JSON document holds no raw NUL (it must be escaped as \u0000), so PostgreSQL can store it.
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ScenarioWriteResult.Invalid("definition_json", "is not a JSON object.");
            }

            while (reader.Read())
            {
                // Reading to the end checks the whole document, including nothing after the object.
            }

            return null;
        }
        catch (JsonException exception)
        {
            return new ScenarioWriteResult.Invalid("definition_json",
                $"is not well-formed JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        }
    }
}
