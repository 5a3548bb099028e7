using Google.Protobuf;

namespace Corridors.Application.Mapping;

/// <summary>
/// The proto3 JSON of a message as the CLI's <c>--json</c> prints it: lowerCamelCase field names, enums by name,
/// and default values included so that <c>"borderCrossings": 0</c> appears. Unset message fields and unset
/// <c>optional</c> scalars (e.g. <c>co2eKg</c> before emissions are assessed) are left out. A masked answer is printed
/// without default values, as proto3 JSON has it: every field the mask leaves out is at its default, and printing
/// them would show zeros that are not figures.
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private static readonly JsonFormatter IndentedFormatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    private static readonly JsonFormatter MaskedFormatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public static string Format(IMessage message, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (indented ? IndentedFormatter : Formatter).Format(message);
    }

    /// <summary>A masked answer, indented, its fields at their defaults left out (those the mask dropped among them).</summary>
    public static string FormatMasked(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MaskedFormatter.Format(message);
    }
}
