using System.Globalization;
using Corridors.ReplicaMeasure;

// dotnet run --project tests/Corridors.ReplicaMeasure -c Release -- watch A_GRPC B_GRPC WRITER_KEY [WRITES=200]
//                                                                  writes POSTGRES_CONNECTION_STRING [SECONDS=5]
//                                                                  reads GRPC[,GRPC…] [CLIENTS=16] [SECONDS=8]
string Arg(int i, string fallback) => args.Length > i ? args[i] : fallback;
switch (Arg(0, ""))
{
    case "watch":
        await WatchDelivery.RunAsync(new Uri(args[1]), new Uri(args[2]), args[3], int.Parse(Arg(4, "200"), CultureInfo.InvariantCulture));
        return 0;
    case "writes":
        await StoreWrites.RunAsync(args[1], TimeSpan.FromSeconds(double.Parse(Arg(2, "5"), CultureInfo.InvariantCulture)));
        return 0;
    case "reads":
        await Reads.RunAsync([.. args[1].Split(',').Select(a => new Uri(a))], int.Parse(Arg(2, "16"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Arg(3, "8"), CultureInfo.InvariantCulture)));
        return 0;
    default:
        Console.Error.WriteLine("usage: watch A_GRPC B_GRPC WRITER_KEY [WRITES] | writes POSTGRES_CONNECTION_STRING [SECONDS] | reads GRPC[,GRPC…] [CLIENTS] [SECONDS]");
        return 2;
}
