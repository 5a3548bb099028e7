using Corridors.Server.Hosting;

// Composition only: see Hosting/CorridorsServerSetup.cs for what is registered and mapped.
try
{
    WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
    builder.AddCorridorsServer();

    WebApplication app = builder.Build();
    app.MapCorridorsServer();
    app.Run();
    return 0;
}
catch (Exception exception) when (StartupFailure.EndsTheProcess && StartupFailure.TryDescribe(exception, out string line))
{
    Console.Error.WriteLine(line); // one line, no stack trace: a configuration error, not a bug
    return StartupFailure.ExitCode;
}
