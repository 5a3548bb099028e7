namespace Corridors.Server.Tests.Persistence;

/// <summary>Small scenario definitions for store tests (the store treats them as opaque JSON objects).</summary>
internal static class Json
{
    public static string Closure(string chokepoint) => $$"""{"changes":[{"kind":"close","chokepoint":"{{chokepoint}}"}]}""";
}
