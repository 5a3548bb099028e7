namespace Corridors.Domain.Risk;

/// <summary>
/// One thing wrong with a data file outside the network (sanction measures, emission factors), precise enough to
/// find and fix by hand.
/// </summary>
/// <param name="File">The file as given to the loader (<c>measures.json</c>).</param>
/// <param name="RecordId">Measure id, regime, operator or mode; <c>measures[3]</c> when the record has no id; null for file-level problems.</param>
/// <param name="Field">Property path inside the record (<c>target.operator</c>, <c>sources[1]</c>).</param>
/// <param name="Message">Human-readable, naming the offending value and, for enums, the allowed values.</param>
public sealed record DataProblem(string File, string? RecordId, string? Field, string Message)
{
    /// <summary><c>file: record: field: message</c>, leaving out absent parts.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(File).Append(": ");
        if (RecordId is not null)
        {
            builder.Append(RecordId).Append(": ");
        }

        if (Field is not null)
        {
            builder.Append(Field).Append(": ");
        }

        return builder.Append(Message).ToString();
    }
}
