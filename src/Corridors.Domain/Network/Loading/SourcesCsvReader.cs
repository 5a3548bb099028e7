using System.Text;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Network.Loading;

/// <summary>
/// Reads <c>sources.csv</c>: RFC 4180 CSV with the header <c>id,title,url,date,notes</c>; fields may be quoted,
/// contain commas, doubled quotes and line breaks. The <c>date</c> column is free text ("n.d. (c.2019-21)").
/// </summary>
internal static class SourcesCsvReader
{
    private const string ExpectedHeader = "id,title,url,date,notes";
    private const int ColumnCount = 5;

    public static void Read(string text, FileProblems problems, List<Source> sources, List<Declaration> declarations)
    {
        List<CsvRecord> records = Parse(text, problems);
        if (records.Count == 0)
        {
            problems.Add(null, null, NetworkRule.MalformedCsv, $"file is empty; expected the header '{ExpectedHeader}'");
            return;
        }

        CsvRecord header = records[0];
        if (!string.Equals(string.Join(",", header.Fields), ExpectedHeader, StringComparison.Ordinal))
        {
            problems.Add(null, $"line {header.Line}", NetworkRule.MalformedCsv,
                $"header is '{string.Join(",", header.Fields)}'; expected '{ExpectedHeader}'");
            return;
        }

        foreach (CsvRecord record in records.Skip(1))
        {
            string field = $"line {record.Line}";
            string? id = record.Fields.Count > 0 && record.Fields[0].Length > 0 ? record.Fields[0] : null;
            if (record.Fields.Count != ColumnCount)
            {
                problems.Add(id, field, NetworkRule.MalformedCsv,
                    $"row has {record.Fields.Count} fields; expected {ColumnCount} ({ExpectedHeader}) - quote fields that contain commas");
                if (id is not null)
                {
                    declarations.Add(new Declaration(id, DeclarationKind.Source, problems.File));
                }

                continue;
            }

            if (id is null || id.Trim() != id || id.Contains(' ', StringComparison.Ordinal))
            {
                problems.Add(id, field, NetworkRule.MissingProperty,
                    id is null ? "source id is empty" : $"source id '{id}' contains spaces");
                continue;
            }

            declarations.Add(new Declaration(id, DeclarationKind.Source, problems.File));
            if (string.IsNullOrWhiteSpace(record.Fields[1]))
            {
                problems.Add(id, field, NetworkRule.MissingProperty, "title is empty");
                continue;
            }

            sources.Add(new Source(id, record.Fields[1], record.Fields[2], record.Fields[3], record.Fields[4]));
        }
    }

    private sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

    /// <summary>RFC 4180 records with the line each starts on; empty lines carry no data and are skipped.</summary>
    private static List<CsvRecord> Parse(string text, FileProblems problems)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        bool atFieldStart = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (atFieldStart && c == '"')
            {
                // Quoted field: runs to the closing quote; "" is a literal quote.
                int openedOnLine = line;
                i++;
                bool closed = false;
                while (i < text.Length)
                {
                    char q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (q == '\n')
                    {
                        line++;
                    }

                    field.Append(q);
                    i++;
                }

                if (!closed)
                {
                    problems.Add(null, $"line {openedOnLine}", NetworkRule.MalformedCsv, "quoted field is never closed (missing '\"')");
                    return records;
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    problems.Add(null, $"line {line}", NetworkRule.MalformedCsv,
                        $"unexpected '{text[i]}' after a closing quote; a quote inside a quoted field must be doubled (\"\")");
                    return records;
                }

                atFieldStart = false;
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\n':
                case '\r':
                    EndRecord();
                    line++;
                    recordLine = line;
                    i++;
                    break;
                case '"':
                    problems.Add(null, $"line {line}", NetworkRule.MalformedCsv,
                        "quote inside an unquoted field; quote the whole field and double the inner quote");
                    return records;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }
    }
}
