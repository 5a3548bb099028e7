namespace Corridors.Cli;

/// <summary>
/// Entry point: wires the real console, the working folder and the networks installed beside the program into
/// <see cref="CorridorsCli"/>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) =>
        CorridorsCli.Run(args, new CliContext(
            Console.Out,
            Console.Error,
            Environment.CurrentDirectory,
            bundledNetworksDirectory: Path.Combine(AppContext.BaseDirectory, NetworkLocator.DefaultDirectory)));
}
