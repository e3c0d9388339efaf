using BenchmarkDotNet.Running;
using Rasan.Benchmarks;

// dotnet run -c Release -- bare --urls http://127.0.0.1:5080    the load script's baseline endpoint
// dotnet run -c Release -- dispatch [--messages N] [--claim N]  dispatch msg/s, engine vs store alone
// dotnet run -c Release -- contention [--seconds 8]            accept in process with and without the dispatcher beside it
// dotnet run -c Release -- kannel [--messages 2000]             through a real Kannel: Rasan end to end vs sendsms direct
// dotnet run -c Release -- --filter '*Accept*'                  BenchmarkDotNet
return args.FirstOrDefault() switch
{
    "bare" => await BareEndpoint.RunAsync(args[1..]),
    "dispatch" => await DispatchCommand.RunAsync(args[1..]),
    "contention" => await ContentionCommand.RunAsync(args[1..]),
    "kannel" => await KannelCommand.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AcceptBenchmarks).Assembly).Run(args);
    return 0;
}
