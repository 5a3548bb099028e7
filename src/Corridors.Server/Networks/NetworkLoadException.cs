namespace Corridors.Server.Networks;

/// <summary>Stops start-up: the network (or the metrics board over it) is not valid. The message is the full report.</summary>
public sealed class NetworkLoadException : Exception
{
    public NetworkLoadException()
    {
    }

    public NetworkLoadException(string message)
        : base(message)
    {
    }

    public NetworkLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
