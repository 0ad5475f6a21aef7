namespace CoachBot.Storage;

/// <summary>Column lengths shared by every feature, so keys fit everywhere they are copied.</summary>
public static class StorageLimits
{
    public const int PlatformLength = 16;

    /// <summary>User keys, community keys, conversation keys, platform ids.</summary>
    public const int KeyLength = 200;

    /// <summary>A conversation key (<c>platform:community/channel/thread</c>).</summary>
    public const int ConversationKeyLength = 400;

    public const int DisplayNameLength = 100;

    /// <summary>Ids of bank items (questions, interview topics, challenges) and skill ids.</summary>
    public const int ItemIdLength = 100;

    /// <summary>A guide section reference, <c>guide-id#section-slug</c>.</summary>
    public const int ReferenceLength = 300;
}
