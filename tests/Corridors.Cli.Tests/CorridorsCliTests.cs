namespace Corridors.Cli.Tests;

public sealed class CorridorsCliTests
{
    /// <summary>Stands in for a broken stdout (e.g. a closed pipe).</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }

    [Fact]
    public void UnexpectedException_IsOneLineOnStderrWithExitCode70AndNoStackTrace()
    {
        using var output = new FailingWriter();
        using var error = new StringWriter();

        int exitCode = CorridorsCli.Run(["validate", CliRun.ValidFixture], new CliContext(output, error, AppContext.BaseDirectory));

        Assert.Equal(70, exitCode);
        Assert.Equal("corridors: internal error (IOException): Broken pipe", error.ToString().Trim());
    }
}
