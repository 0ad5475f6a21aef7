using System.Text.Json;
using CoachBot.Core.Work;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Slack.Tests.Inbound;

/// <summary>
/// A Slack delivery counts as an acknowledgement pending (<see cref="AcknowledgementsFirst"/>, shared with Discord)
/// from the moment the intake sees it until its ack is out, so work on deliveries already acknowledged waits for the
/// acks of a burst (issue #14: 500 Socket Mode envelopes at once had an ack p99 of 231 ms while work took the cores).
/// </summary>
public sealed class SlackAcknowledgementsFirstTests
{
    private readonly AcknowledgementsFirst _acknowledgements = new(TimeProvider.System);
    private readonly SlackIntake _intake;

    public SlackAcknowledgementsFirstTests()
    {
        var options = Options.Create(new SlackOptions());
        _intake = new SlackIntake(new SlackInbox(options), new InMemoryInboundInbox(), options, TimeProvider.System, NullLogger<SlackIntake>.Instance, _acknowledgements);
    }

    [Fact]
    public async Task SocketModeEnvelope_Recorded_StaysPendingUntilItsAckIsSent()
    {
        var ackSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await _intake.AcceptAsync(Command("e1"), "env-1", CancellationToken.None, ackSent.Task);

        Assert.Equal(SlackIntakeResult.Accepted, result);
        Assert.Equal(1, _acknowledgements.Pending);
        var work = _acknowledgements.WhenDrainedAsync(CancellationToken.None);
        Assert.False(work.IsCompleted);

        ackSent.SetResult();

        await work.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _acknowledgements.Pending);
    }

    [Fact]
    public async Task HttpDelivery_Recorded_IsNotPendingOnceAccepted()
    {
        var result = await _intake.AcceptAsync(Command("e2"), envelopeId: null, CancellationToken.None);

        Assert.Equal(SlackIntakeResult.Accepted, result);
        Assert.Equal(0, _acknowledgements.Pending);
    }

    [Fact]
    public async Task Delivery_RefusedWhileStopping_IsNotLeftPending()
    {
        _intake.StopAccepting();
        var neverSent = new TaskCompletionSource();

        var result = await _intake.AcceptAsync(Command("e3"), "env-3", CancellationToken.None, neverSent.Task);

        Assert.Equal(SlackIntakeResult.Refused, result);
        Assert.Equal(0, _acknowledgements.Pending);
    }

    private static SlackInbound Command(string triggerId) => new(
        SlackInboundKind.SlashCommand,
        JsonSerializer.SerializeToElement(new { command = "/ask", text = "what is sql", user_id = "U1", channel_id = "C1", team_id = "T1", trigger_id = triggerId }),
        "socket");
}
