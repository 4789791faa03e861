using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="NoteMentions"/>: "@" and a teammate's display name mentions them (case-insensitive, longest name first).</summary>
public sealed class NoteMentionsTests
{
    private static readonly (Guid Id, string Name) Anna = (Guid.NewGuid(), "Anna");
    private static readonly (Guid Id, string Name) AnnaLee = (Guid.NewGuid(), "Anna Lee");
    private static readonly (Guid Id, string Name) Sam = (Guid.NewGuid(), "Sam Taylor");
    private static readonly (Guid Id, string Name)[] Team = [Anna, AnnaLee, Sam];

    [Fact]
    public void A_teammates_display_name_after_an_at_sign_mentions_them_whatever_the_case() =>
        Assert.Equal([Sam.Id], NoteMentions.Find("@sam taylor can you check the stock?", Team));

    [Fact]
    public void The_longest_matching_name_wins() =>
        Assert.Equal([AnnaLee.Id], NoteMentions.Find("Over to @Anna Lee for sizes", Team));

    [Fact]
    public void A_shorter_name_still_matches_when_the_longer_one_does_not_follow()
    {
        Assert.Equal([Anna.Id], NoteMentions.Find("@Anna Leeds store has it", Team));
        Assert.Equal([Anna.Id], NoteMentions.Find("Thanks @Anna.", Team));
    }

    [Fact]
    public void Several_teammates_are_mentioned_once_each_in_the_order_they_appear() =>
        Assert.Equal([Sam.Id, Anna.Id], NoteMentions.Find("@Sam Taylor and @anna, then @SAM TAYLOR again", Team));

    [Theory]
    [InlineData("No mention here")]
    [InlineData("Mail sam@anna.example about it")]
    [InlineData("@Annabel is not on the team")]
    [InlineData("@ Anna with a space")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_a_teammates_name_after_an_at_sign_mentions_nobody(string? text) =>
        Assert.Empty(NoteMentions.Find(text, Team));

    [Fact]
    public void The_mentioned_ids_round_trip_through_the_notes_data()
    {
        var ids = new[] { Sam.Id, Anna.Id };

        Assert.Equal(ids, NoteMentions.FromData(NoteMentions.ToData(ids)));
        Assert.Empty(NoteMentions.FromData(null));
        Assert.Empty(NoteMentions.FromData("not json"));
    }
}
