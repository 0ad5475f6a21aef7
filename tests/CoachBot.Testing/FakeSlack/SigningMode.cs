namespace CoachBot.Testing.FakeSlack;

/// <summary>How <see cref="SlackHttpDriver"/> signs a request.</summary>
public enum SigningMode
{
    Valid,
    Tampered,
    WrongSecret,
    NoSignature,
}
