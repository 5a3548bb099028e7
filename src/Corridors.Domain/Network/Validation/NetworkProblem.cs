namespace Corridors.Domain.Network.Validation;

/// <summary>One thing wrong with the network files, precise enough to find and fix by hand.</summary>
/// <param name="File">File name inside the network folder (<c>northern.geojson</c>), or the folder itself.</param>
/// <param name="FeatureId">Place, link, corridor or source id; <c>features[3]</c> when the feature has no id; null for file-level problems.</param>
/// <param name="Field">Property path inside the feature (<c>distanceKm.value</c>, <c>dwells[1].maxHours</c>), or <c>line 12</c> in CSV.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Message">Human-readable, naming the offending value (and, for enums, the allowed values).</param>
public sealed record NetworkProblem(string File, string? FeatureId, string? Field, NetworkRule Rule, string Message)
{
    /// <summary><c>file: feature id: field: message [rule]</c>, leaving out absent parts.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(File).Append(": ");
        if (FeatureId is not null)
        {
            builder.Append(FeatureId).Append(": ");
        }

        if (Field is not null)
        {
            builder.Append(Field).Append(": ");
        }

        builder.Append(Message).Append(" [").Append(EnumNames.ToKebab(Rule)).Append(']');
        return builder.ToString();
    }
}
