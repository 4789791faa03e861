using VirtualShopping.Domain.Chats;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="Chat.Rate"/>: 1 to 5 stars and an optional comment, once, for a chat with an expert.</summary>
public sealed class ChatRatingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void One_to_five_stars_are_accepted(int stars)
    {
        var time = Clock();
        var chat = EndedChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(1));

        var result = chat.Rate(stars, "Very helpful", time.GetUtcNow());

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(stars, chat.Rating);
        Assert.Equal("Very helpful", chat.RatingComment);
        Assert.Equal(Start.AddMinutes(1), chat.RatedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(10)]
    public void Stars_outside_one_to_five_are_refused(int stars)
    {
        var chat = EndedChat(Start);

        var result = chat.Rate(stars, null, Start);

        Assert.False(result.IsValid);
        Assert.Equal("Choose from 1 to 5 stars.", result.Error);
        AssertNotRated(chat);
    }

    [Fact]
    public void An_active_chat_can_be_rated_before_it_ends()
    {
        var chat = ActiveChat(Start);

        var result = chat.Rate(4, null, Start.AddMinutes(3));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(4, chat.Rating);
    }

    [Theory]
    [InlineData(ChatStatus.Waiting)]
    [InlineData(ChatStatus.Missed)]
    public void A_chat_nobody_answered_cannot_be_rated(ChatStatus status)
    {
        var chat = WaitingChat(Start);
        chat.Status = status;

        var result = chat.Rate(5, "Nobody came", Start.AddMinutes(2));

        Assert.False(result.IsValid);
        Assert.Equal("Only a chat with an expert can be rated.", result.Error);
        AssertNotRated(chat);
    }

    [Fact]
    public void A_comment_of_the_maximum_length_is_accepted()
    {
        var chat = EndedChat(Start);
        var comment = new string('x', ChatRating.MaxCommentLength);

        var result = chat.Rate(5, comment, Start);

        Assert.Equal(1000, ChatRating.MaxCommentLength);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(comment, chat.RatingComment);
    }

    [Fact]
    public void A_comment_longer_than_the_maximum_is_refused()
    {
        var chat = EndedChat(Start);

        var result = chat.Rate(5, new string('x', 1001), Start);

        Assert.False(result.IsValid);
        Assert.Contains("1000", result.Error, StringComparison.Ordinal);
        AssertNotRated(chat);
    }

    [Fact]
    public void Spaces_around_a_comment_do_not_count_towards_its_length()
    {
        var chat = EndedChat(Start);

        var result = chat.Rate(4, "  " + new string('x', 1000) + "  ", Start);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(1000, chat.RatingComment!.Length);
    }

    [Fact]
    public void A_second_rating_is_refused_and_the_first_one_kept()
    {
        var time = Clock();
        var chat = EndedChat(time.GetUtcNow());
        Assert.True(chat.Rate(2, "Slow answers", time.GetUtcNow()).IsValid);
        time.Advance(TimeSpan.FromMinutes(5));

        var result = chat.Rate(5, "Actually great", time.GetUtcNow());

        Assert.False(result.IsValid);
        Assert.Equal("This chat has already been rated.", result.Error);
        Assert.Equal(2, chat.Rating);
        Assert.Equal("Slow answers", chat.RatingComment);
        Assert.Equal(Start, chat.RatedAt);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Lovely, thanks!  ", "Lovely, thanks!")]
    public void The_comment_is_optional_and_trimmed(string? comment, string? stored)
    {
        var chat = EndedChat(Start);

        var result = chat.Rate(5, comment, Start);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(stored, chat.RatingComment);
    }

    private static Chat EndedChat(DateTimeOffset endedAt)
    {
        var chat = ActiveChat(endedAt.AddMinutes(-4));
        chat.Status = ChatStatus.Ended;
        chat.EndedAt = endedAt;
        chat.EndReason = ChatEndReason.Shopper;
        return chat;
    }

    private static void AssertNotRated(Chat chat)
    {
        Assert.Null(chat.Rating);
        Assert.Null(chat.RatingComment);
        Assert.Null(chat.RatedAt);
    }
}
