using Corridors.Application.Mapping;
using Corridors.Domain.Risk;
using Corridors.Server.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Networks;

/// <summary>
/// Says how current the sanction data is: at start and then once a day (wall time), a warning once the business
/// date is past the data's freshness date, otherwise an information line with the days left. Stale data is
/// flagged, never refused: health stays SERVING and every answer carries its <c>data_freshness</c>.
/// </summary>
internal sealed class DataFreshnessMonitor(LoadedNetwork loaded, TimeProvider clock, ILogger<DataFreshnessMonitor> logger) : BackgroundService
{
    /// <summary>How often the freshness is logged after the first time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            if (loaded.IsLoaded)
            {
                Report(loaded.Queries.Router.Freshness);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private void Report(DataFreshness freshness)
    {
        // Once a day: formatting the dates whatever the log level costs nothing worth guarding.
#pragma warning disable CA1873
        if (freshness.IsStale)
        {
            Log.SanctionDataStale(logger, ProtoDates.ToText(freshness.ReviewedOn), ProtoDates.ToText(freshness.FreshUntil), freshness.AgeDays, ProtoDates.ToText(freshness.Today));
        }
        else
        {
            Log.SanctionDataFresh(logger, ProtoDates.ToText(freshness.ReviewedOn), ProtoDates.ToText(freshness.FreshUntil), freshness.DaysLeft);
        }
#pragma warning restore CA1873
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
