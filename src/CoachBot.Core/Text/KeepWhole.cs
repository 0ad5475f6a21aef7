namespace CoachBot.Core.Text;

/// <summary>
/// A platform's rule for markup that must not be cut in two (a link, an escape sequence): given the text, the start of
/// the piece being cut and the proposed cut, returns an earlier cut that moves the whole markup to the next piece, or
/// <paramref name="cut"/> unchanged. A result at or before <paramref name="from"/> is ignored (the markup does not fit
/// in any piece, so it is cut after all).
/// </summary>
public delegate int KeepWhole(string text, int from, int cut);
