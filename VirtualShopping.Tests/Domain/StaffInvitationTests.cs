using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="StaffInvitation.IsUsableAt"/>: an invitation link works until it expires or is used.</summary>
public sealed class StaffInvitationTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invitation_lasts_seven_days() =>
        Assert.Equal(TimeSpan.FromDays(7), StaffInvitation.Lifetime);

    [Fact]
    public void An_unaccepted_invitation_is_usable_until_just_before_it_expires()
    {
        var invitation = Invitation();

        Assert.True(invitation.IsUsableAt(Created));
        Assert.True(invitation.IsUsableAt(Created.AddDays(6)));
        Assert.True(invitation.IsUsableAt(Created + StaffInvitation.Lifetime - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void An_invitation_is_not_usable_from_the_instant_it_expires()
    {
        var invitation = Invitation();

        Assert.False(invitation.IsUsableAt(Created + StaffInvitation.Lifetime));
        Assert.False(invitation.IsUsableAt(Created.AddDays(30)));
    }

    [Fact]
    public void An_accepted_invitation_cannot_be_used_again_even_before_it_expires()
    {
        var invitation = Invitation();
        invitation.AcceptedAt = Created.AddHours(1);

        Assert.False(invitation.IsUsableAt(Created.AddHours(2)));
    }

    [Fact]
    public void Expiry_compares_instants_whatever_offset_they_are_written_in()
    {
        var invitation = Invitation();

        // 30 November 2026 10:30 in Helsinki (UTC+2) is 08:30 UTC, half an hour before the 09:00 UTC expiry.
        Assert.True(invitation.IsUsableAt(new DateTimeOffset(2026, 11, 30, 10, 30, 0, TimeSpan.FromHours(2))));
        // 30 November 2026 04:30 in New York (UTC-5) is 09:30 UTC, after the expiry.
        Assert.False(invitation.IsUsableAt(new DateTimeOffset(2026, 11, 30, 4, 30, 0, TimeSpan.FromHours(-5))));
    }

    private static StaffInvitation Invitation() =>
        new() { TokenHash = "hash", CreatedAt = Created, ExpiresAt = Created + StaffInvitation.Lifetime };
}
