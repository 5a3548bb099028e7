using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Output;

/// <summary>Scenarios from a server as readable text.</summary>
internal static class ScenarioText
{
    public static void WriteList(TextWriter output, ListScenariosResponse response)
    {
        var table = new TextTable("ID", "VERSION", "ORIGIN", "CHANGES", "NAME");
        foreach (Scenario s in response.Scenarios)
        {
            table.AddRow(s.Id, s.Version.ToString(CultureInfo.InvariantCulture), s.ReadOnly ? "shipped (read-only)" : "stored",
                s.ChangeCount.ToString(CultureInfo.InvariantCulture), s.Name);
        }

        table.Write(output);
    }

    public static void WriteScenario(TextWriter output, Scenario scenario)
    {
        output.WriteLine($"{scenario.Id}  version {scenario.Version}  {(scenario.ReadOnly ? "shipped (read-only)" : "stored")}");
        output.WriteLine(scenario.Name);
        if (scenario.Description.Length > 0)
        {
            output.WriteLine(scenario.Description);
        }

        if (scenario.UpdatedAt is { } updated)
        {
            output.WriteLine($"updated {updated.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss}Z");
        }

        output.WriteLine(scenario.Definition);
    }
}
