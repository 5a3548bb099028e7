using System.Net;
using System.Net.Sockets;
using Corridors.BadInput;

namespace Corridors.Cli.Tests.BadInput;

/// <summary>The CLI's part of the bad-input catalogue (<see cref="CliCatalogue"/>): a test per case.</summary>
public sealed class CliBadInputTests
{
    public static TheoryData<string> Cases
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (BadInputCase entry in CliCatalogue.All)
            {
                names.Add(entry.Name);
            }

            return names;
        }
    }

    [Fact]
    public void Catalogue_HasUniqueNames()
    {
        Assert.Equal(CliCatalogue.All.Count, CliCatalogue.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CliCase_EndsWithItsExitCodeAndMessage_AndPrintsNoAnswer(string name)
    {
        BadInputCase entry = CliCatalogue.All.Single(c => c.Name == name);
        Assert.Equal(Unchanged.NoAnswer, entry.Unchanged);
        using var temp = new TempFolder();
        string deadServer = DeadServer();

        string[] args = [.. Split(entry.Input).Select(a => a.Replace("{dead-server}", deadServer, StringComparison.Ordinal).Replace("{temp}", temp.Path, StringComparison.Ordinal))];
        CliRun run = CliRun.InvokeIn(CliRun.RepositoryRoot(), args);

        string message = run.Error.TrimEnd('\n', '\r')
            .Replace(deadServer, "{dead-server}", StringComparison.Ordinal)
            .Replace(new Uri(deadServer).Authority, "{dead-address}", StringComparison.Ordinal)
            .Replace(temp.Path, "{temp}", StringComparison.Ordinal);
        if (entry.Message == "?")
        {
            Assert.Fail($"ACTUAL {entry.Name} code={run.ExitCode} message={message}");
        }

        Assert.Equal(entry.Expected, run.ExitCode);
        if (entry.Match == Match.Exact)
        {
            Assert.Equal(entry.Message, message);
        }
        else
        {
            Assert.StartsWith(entry.Message, message, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, run.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    /// <summary>A loopback URL on a port that was free a moment ago and that nothing listens on now.</summary>
    private static string DeadServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>Splits on spaces, keeping <c>'quoted text'</c> (possibly empty) as one argument.</summary>
    private static List<string> Split(string input)
    {
        var args = new List<string>();
        int i = 0;
        while (i < input.Length)
        {
            if (input[i] == ' ')
            {
                i++;
            }
            else if (input[i] == '\'')
            {
                int end = input.IndexOf('\'', i + 1);
                args.Add(input[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                int end = input.IndexOf(' ', i);
                end = end < 0 ? input.Length : end;
                args.Add(input[i..end]);
                i = end;
            }
        }

        return args;
    }
}
