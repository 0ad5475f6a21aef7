namespace CoachBot.Slack.Rendering;

/// <summary>Slack's message and Block Kit limits the renderer keeps under.</summary>
public static class SlackLimits
{
    public const int SectionText = 3000;
    public const int BlocksPerMessage = 50;
    public const int BlocksPerModal = 100;
    public const int HeaderText = 150;
    public const int ContextText = 2000;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonsPerActionsBlock = 25;

    /// <summary>Buttons per actions block we use, for readable rows (Slack allows 25).</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>Section text per message: Slack rejects messages well below 50 × 3000 (msg_blocks_too_long near 13k).</summary>
    public const int SectionTextPerMessage = 11_000;

    public const int FallbackText = 300;
    public const int ModalTitle = 24;
    public const int ModalInputMaxLength = 3000;
    public const int ModalPrivateMetadata = 3000;

    /// <summary>An image block's alt_text.</summary>
    public const int ImageAltText = 2000;

    /// <summary>An image block's title (plain text).</summary>
    public const int ImageTitle = 2000;
}
