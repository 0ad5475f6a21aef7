using System.CommandLine;
using CoachBot.Cli;

// The composition root lives in Hosting/CoachServices.cs; this file only hands the command line to the verbs.
var root = CoachCommandLine.Create(Console.Out, Console.Error);
return await root.Parse(args).InvokeAsync(new InvocationConfiguration
{
    // System.CommandLine ends the process 2 s after SIGTERM/Ctrl+C by default, which cut the host's graceful shutdown
    // (Slack:DrainTimeout, then the host's 30 s ShutdownTimeout) short: give the host its whole bound, and a little more.
    ProcessTerminationTimeout = CoachCommandLine.ShutdownBound,
});
