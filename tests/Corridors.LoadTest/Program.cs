using Corridors.LoadTest;

if (args.Length > 0 && args[0] == "soak")
{
    (SoakOptions? soak, string? soakError) = SoakOptions.Parse(args[1..]);
    if (soak is null)
    {
        Console.Error.WriteLine(soakError);
        return soakError == SoakOptions.Usage ? 0 : 2;
    }

    return await SoakCommand.RunAsync(soak);
}

(LoadOptions? options, string? error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return error == LoadOptions.Usage ? 0 : 2;
}

return await LoadCommand.RunAsync(options);
