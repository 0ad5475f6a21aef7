using CoachBot.Core.Work;

namespace CoachBot.Ai.Tests.Llm;

public sealed class LlmFairPlacesTests
{
    [Fact]
    public void Release_OneCommunityFloods_AnotherCommunitysQuestionGoesNext()
    {
        var places = new LlmFairPlaces(1);
        Assert.Null(places.TryTake(new("discord:busy", "discord:1")));
        var flood = Enumerable.Range(0, 20).Select(_ => places.TryTake(new("discord:busy", "discord:1"))!).ToArray();
        var quiet = places.TryTake(new("slack:T1", "slack:U1"))!;

        places.Release();
        places.Release();

        Assert.True(flood[0].Task.IsCompletedSuccessfully);
        Assert.True(quiet.Task.IsCompletedSuccessfully);
        Assert.All(flood[1..], waiter => Assert.False(waiter.Task.IsCompleted));
    }

    [Fact]
    public void Release_OnePersonFloodsTheirCommunity_TheirNeighboursTakeTurns()
    {
        var places = new LlmFairPlaces(1);
        Assert.Null(places.TryTake(new("discord:g", "discord:flooder")));
        var waiting = new[] { "discord:flooder", "discord:flooder", "discord:flooder", "discord:a", "discord:b" }
            .Select(user => (User: user, Waiter: places.TryTake(new("discord:g", user))!))
            .ToList();

        var granted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            places.Release();
            var next = Assert.Single(waiting, w => w.Waiter.Task.IsCompletedSuccessfully);
            granted.Add(next.User);
            waiting.Remove(next);
        }

        Assert.Equal(["discord:flooder", "discord:a", "discord:b", "discord:flooder", "discord:flooder"], granted);
    }

    [Fact]
    public void Release_AWaiterGaveUp_ThePlaceGoesToTheNextOne()
    {
        var places = new LlmFairPlaces(1);
        Assert.Null(places.TryTake(WorkOwner.Nobody));
        var gaveUp = places.TryTake(new("discord:g", "discord:1"))!;
        var next = places.TryTake(new("slack:T", "slack:U"))!;
        Assert.True(gaveUp.TrySetCanceled());

        places.Release();

        Assert.True(next.Task.IsCompletedSuccessfully);
        Assert.Equal((1, 0), (places.InFlight, places.Waiting));
        places.Release();
        Assert.Equal(0, places.InFlight);
        Assert.Null(places.TryTake(WorkOwner.Nobody));
    }
}
