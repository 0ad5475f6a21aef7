using System.Text.Json;

namespace CoachBot.Slack.Tests.Inbound;

public sealed class SlackDeliveryKeysTests
{
    [Fact]
    public void Event_IsKeyedByItsEventId_WhateverTheEnvelope()
    {
        var payload = Json("""{"type":"event_callback","event_id":"Ev42","event":{"type":"message"}}""");

        Assert.Equal("event:Ev42", SlackDeliveryKeys.For(SlackInboundKind.Event, payload));
        Assert.Equal("event:Ev42", SlackDeliveryKeys.For(SlackInboundKind.Event, payload, envelopeId: "env-1"));
        Assert.Equal("event:Ev42", SlackDeliveryKeys.For(SlackInboundKind.Event, payload, envelopeId: "env-2-redelivery"));
    }

    [Fact]
    public void SlashCommand_IsKeyedByItsTriggerId()
    {
        var payload = Json("""{"command":"/ask","trigger_id":"111.222.abc"}""");

        Assert.Equal("command:111.222.abc", SlackDeliveryKeys.For(SlackInboundKind.SlashCommand, payload));
    }

    [Fact]
    public void Interaction_IsKeyedByTriggerIdAndTheFirstActionsTimestamp_SoTwoClicksAreTwoDeliveries()
    {
        var first = Json("""{"type":"block_actions","trigger_id":"t1","actions":[{"action_ts":"1700000000.1"}]}""");
        var second = Json("""{"type":"block_actions","trigger_id":"t1","actions":[{"action_ts":"1700000000.2"}]}""");

        Assert.Equal("interaction:t1/1700000000.1", SlackDeliveryKeys.For(SlackInboundKind.Interaction, first));
        Assert.NotEqual(SlackDeliveryKeys.For(SlackInboundKind.Interaction, first), SlackDeliveryKeys.For(SlackInboundKind.Interaction, second));
    }

    [Fact]
    public void WithoutAnId_TheSocketModeEnvelopeIdIsTheKey_AndAnHttpRequestIsItsOwnDelivery()
    {
        var payload = Json("""{"type":"event_callback"}""");

        Assert.Equal("envelope:env-7", SlackDeliveryKeys.For(SlackInboundKind.Event, payload, envelopeId: "env-7"));
        Assert.NotEqual(SlackDeliveryKeys.For(SlackInboundKind.Event, payload), SlackDeliveryKeys.For(SlackInboundKind.Event, payload));
    }

    [Fact]
    public void AnIdLongerThanTheInboxColumn_IsHashed_AndStaysTheSameForTheSameId()
    {
        var payload = Json($$"""{"event_id":"{{new string('e', 500)}}"}""");

        var key = SlackDeliveryKeys.For(SlackInboundKind.Event, payload);

        Assert.True(key.Length <= InboundLimits.DeliveryKeyLength);
        Assert.Equal(key, SlackDeliveryKeys.For(SlackInboundKind.Event, payload));
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
