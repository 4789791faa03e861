using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="Chat.Start"/> and <see cref="Chat.WaitedAt"/>: a new chat and how long its shopper waited for an expert.</summary>
public sealed class ChatStartTests
{
    [Fact]
    public void A_new_chat_waits_for_its_first_wave_now_with_the_shoppers_choices()
    {
        var shopper = Guid.NewGuid();
        var department = Guid.NewGuid();

        var chat = Chat.Start(shopper, department, "fi", Start, new StoreAppSettings());

        Assert.Equal(shopper, chat.ShopperId);
        Assert.Equal(department, chat.DepartmentId);
        Assert.Equal("fi", chat.Language);
        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.Equal(Start, chat.StartedAt);
        Assert.Equal(Start, chat.LastActivityAt);
        Assert.Equal(Start, chat.NextWaveAt);
        Assert.Equal(0, chat.WavesSent);
        Assert.Equal(Start.AddSeconds(90), chat.ClaimDeadline);
        Assert.Null(chat.ExpertId);
        Assert.Null(chat.ClaimedAt);
        Assert.Null(chat.Rating);
    }

    [Fact]
    public void Every_wave_goes_out_before_the_default_claim_period_ends()
    {
        var settings = new StoreAppSettings();
        var chat = Chat.Start(Guid.NewGuid(), Guid.NewGuid(), "en", Start, settings);

        var lastWave = RoutingPolicy.NextWaveAt(chat.StartedAt, settings.NumberOfWaves - 1, settings);

        Assert.Equal(Start.AddSeconds(60), lastWave);
        Assert.True(lastWave < chat.ClaimDeadline);
        Assert.Empty(settings.Inconsistencies());
    }

    [Fact]
    public void A_waiting_shopper_has_waited_until_now()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), chat.WaitedAt(time.GetUtcNow()));
    }

    [Fact]
    public void A_shopper_whose_chat_was_claimed_waited_until_the_claim()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(23));
        chat.Status = ChatStatus.Active;
        chat.ClaimedAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromSeconds(23), chat.WaitedAt(time.GetUtcNow()));

        chat.Status = ChatStatus.Ended;
        chat.EndedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(23), chat.WaitedAt(time.GetUtcNow()));
    }

    [Fact]
    public void A_shopper_whose_chat_was_missed_waited_until_it_was_missed()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(90));
        chat.Status = ChatStatus.Missed;
        chat.EndedAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(TimeSpan.FromSeconds(90), chat.WaitedAt(time.GetUtcNow()));
    }

    [Fact]
    public void A_shopper_who_left_before_anyone_claimed_waited_until_they_left()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(31));
        chat.Status = ChatStatus.Ended;
        chat.EndReason = ChatEndReason.Shopper;
        chat.EndedAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(31), chat.WaitedAt(time.GetUtcNow()));
    }
}
