using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// The idle timeout of an active chat (<see cref="RoutingPolicy.IdleStepAt"/>, <see cref="RoutingPolicy.IdleEndsAt"/>):
/// with the defaults a chat ends 10 minutes after the last message, with a warning 2 minutes before.
/// </summary>
public sealed class IdleTimeoutTests
{
    private static readonly StoreAppSettings Defaults = new();

    [Fact]
    public void An_active_chat_ends_ten_minutes_after_the_last_message()
    {
        var chat = ActiveChat(Start);

        Assert.Equal(Start.AddMinutes(10), RoutingPolicy.IdleEndsAt(chat, Defaults));
    }

    [Fact]
    public void Nothing_happens_before_the_warning_is_due()
    {
        var time = Clock();
        var chat = ActiveChat(time.GetUtcNow());

        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void The_warning_is_due_two_minutes_before_the_end()
    {
        var time = Clock();
        var chat = ActiveChat(time.GetUtcNow());

        time.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal(IdleStep.Warn, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(IdleStep.Warn, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void The_warning_is_not_asked_for_again_once_it_was_sent()
    {
        var time = Clock();
        var chat = ActiveChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(IdleStep.Warn, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));

        chat.IdleWarningSentAt = time.GetUtcNow();

        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void The_chat_ends_ten_minutes_after_the_last_message_whether_or_not_the_warning_went_out()
    {
        var time = Clock();
        var warned = ActiveChat(time.GetUtcNow());
        var notWarned = ActiveChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(8));
        warned.IdleWarningSentAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(IdleStep.End, RoutingPolicy.IdleStepAt(warned, Defaults, time.GetUtcNow()));
        Assert.Equal(IdleStep.End, RoutingPolicy.IdleStepAt(notWarned, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(IdleStep.End, RoutingPolicy.IdleStepAt(warned, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void A_new_message_moves_the_end_and_the_warning_later()
    {
        var time = Clock();
        var chat = ActiveChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(6));
        chat.LastActivityAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(Start.AddMinutes(16), RoutingPolicy.IdleEndsAt(chat, Defaults));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(IdleStep.Warn, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(IdleStep.End, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void The_idle_times_follow_the_merchants_settings()
    {
        var settings = new StoreAppSettings { IdleAutoEndMinutes = 5, IdleWarningMinutes = 1 };
        var time = Clock();
        var chat = ActiveChat(time.GetUtcNow());

        Assert.Equal(Start.AddMinutes(5), RoutingPolicy.IdleEndsAt(chat, settings));
        time.Advance(TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, settings, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(IdleStep.Warn, RoutingPolicy.IdleStepAt(chat, settings, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(IdleStep.End, RoutingPolicy.IdleStepAt(chat, settings, time.GetUtcNow()));
    }

    [Theory]
    [InlineData(ChatStatus.Waiting)]
    [InlineData(ChatStatus.Ended)]
    [InlineData(ChatStatus.Missed)]
    public void Only_an_active_chat_is_warned_or_ended_for_being_idle(ChatStatus status)
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        chat.Status = status;

        time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(IdleStep.None, RoutingPolicy.IdleStepAt(chat, Defaults, time.GetUtcNow()));
    }
}
