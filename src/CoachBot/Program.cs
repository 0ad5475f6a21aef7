using CoachBot.Cli;

// The composition root lives in Hosting/CoachServices.cs; this file only hands the command line to the verbs.
var root = CoachCommandLine.Create(Console.Out, Console.Error);
return await root.Parse(args).InvokeAsync();
