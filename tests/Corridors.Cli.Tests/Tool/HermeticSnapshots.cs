using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Corridors.Cli.Tests.Tool;

/// <summary>
/// The CLI keeps dataset snapshots under the user's cache folder by default. The tests that run it with the process's
/// environment must neither read snapshots left by another build nor leave one behind for every temp network they
/// copy, so snapshots are off for this test process; the snapshot tests pass their own folder (<see cref="ToolRun"/>).
/// </summary>
internal static class HermeticSnapshots
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting must hold before any test runs the CLI.")]
    internal static void TurnOffForThisProcess() => Environment.SetEnvironmentVariable(SnapshotFolder.Variable, SnapshotFolder.OffValue);
}
