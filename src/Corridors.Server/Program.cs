using Corridors.Server.Hosting;

// Composition only: see Hosting/CorridorsServerSetup.cs for what is registered and mapped.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddCorridorsServer();

WebApplication app = builder.Build();
app.MapCorridorsServer();
app.Run();
