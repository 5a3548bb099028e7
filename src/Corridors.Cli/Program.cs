namespace Corridors.Cli;

/// <summary>Entry point: wires the real console and working folder into <see cref="CorridorsCli"/>.</summary>
internal static class Program
{
    public static int Main(string[] args) =>
        CorridorsCli.Run(args, new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory));
}
