namespace Corridors.Cli.Output;

/// <summary>A plain left-aligned text table with a header row, columns two spaces apart.</summary>
internal sealed class TextTable(params string[] headers)
{
    private const string ColumnGap = "  ";
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        int[] widths = [.. headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max())];
        WriteRow(output, headers, widths);
        foreach (string[] row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        string line = string.Join(ColumnGap, cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
        output.WriteLine(line.TrimEnd());
    }
}
