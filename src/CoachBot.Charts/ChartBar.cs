namespace CoachBot.Charts;

/// <summary>One bar: its label, a value 0..1 (null: nothing to show, drawn as "not tried") and a short note after the value.</summary>
public sealed record ChartBar(string Label, double? Value, string Note);
