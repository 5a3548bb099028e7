using Google.Protobuf;

namespace Corridors.Application.Mapping;

/// <summary>
/// The proto3 JSON of a message as the CLI's <c>--json</c> prints it: lowerCamelCase field names, enums by name,
/// and default values included so that <c>"borderCrossings": 0</c> appears. Unset message fields and unset
/// <c>optional</c> scalars (e.g. <c>co2eKg</c> before emissions are assessed) are left out.
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private static readonly JsonFormatter IndentedFormatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static string Format(IMessage message, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (indented ? IndentedFormatter : Formatter).Format(message);
    }
}
