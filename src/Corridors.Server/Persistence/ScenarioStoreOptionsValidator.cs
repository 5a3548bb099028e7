using Microsoft.Extensions.Options;
using Npgsql;

namespace Corridors.Server.Persistence;

/// <summary>
/// Checks what data annotations cannot: a provider this build knows, and for PostgreSQL a connection string that
/// parses and names a host. Each failure names its setting, so the server stops with one line (exit 78). The
/// connection string itself is never repeated in a message: it may hold a password.
/// </summary>
internal sealed class ScenarioStoreOptionsValidator : IValidateOptions<ScenarioStoreOptions>
{
    private const string Section = ScenarioStoreOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ScenarioStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{Section}:Provider must be one of {string.Join(", ", Enum.GetNames<ScenarioStoreProvider>())}.");
        }

        if (options.Provider != ScenarioStoreProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:ConnectionString is empty, and {Section}:Provider is Postgres: set it to an Npgsql connection string (Host=…;Database=…;Username=…;Password=…).");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ValidateOptionsResult.Fail($"{Section}:ConnectionString is not an Npgsql connection string ({exception.Message.TrimEnd('.')}).");
        }

        return string.IsNullOrWhiteSpace(parsed.Host)
            ? ValidateOptionsResult.Fail($"{Section}:ConnectionString names no Host (Host=…;Database=…;Username=…).")
            : ValidateOptionsResult.Success;
    }
}
