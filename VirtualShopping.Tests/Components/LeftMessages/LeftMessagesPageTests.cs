using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.LeftMessages.Pages;

namespace VirtualShopping.Tests.Components.LeftMessages;

public sealed class LeftMessagesPageTests : DashboardTestContext
{
    private readonly SmtpSink smtp = new();

    public LeftMessagesPageTests() =>
        Services.Configure<SmtpOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.Port;
            o.Security = SmtpSecurity.None;
        });

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.LeftMessages.AddRange(
            new LeftMessage { Name = "Hannah Kim", Email = "hannah@example.com", Text = "Is the tent <script>alert(1)</script> two-person?", Reason = LeftMessageReason.MissedChat, CreatedAt = Clock.GetUtcNow().AddMinutes(-30) },
            new LeftMessage { Name = "Matti Laine", Phone = "+358401234567", Text = "Onko takkia koossa M?", Language = "fi", Reason = LeftMessageReason.OutOfHours, CreatedAt = Clock.GetUtcNow().AddHours(-9) });
        db.AccountSettings.Add(new AccountSettings());
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Waiting_messages_show_newest_first_with_their_text_as_plain_text()
    {
        var page = Render<LeftMessagesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=left-message]").Count));
        var texts = page.FindAll("[data-testid=left-text]");
        Assert.Equal("Is the tent <script>alert(1)</script> two-person?", texts[0].TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Contains("30 min ago", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Missed chat", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Out of hours", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_by_email_queues_the_answer_and_shows_it_under_the_message()
    {
        var providers = RenderProviders();
        var page = Render<LeftMessagesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=answer]").Count));

        page.FindAll("[data-testid=answer]")[0].Click();
        page.Find("textarea[data-testid=reply-text]").Input("Yes, a snug two.");
        page.Find("[data-testid=send-reply]").Click();

        page.WaitForAssertion(() => Assert.Contains("sending", Assert.Single(page.FindAll("[data-testid=reply]")).TextContent, StringComparison.Ordinal));
        providers.WaitForAssertion(() => Assert.Contains("Answer to Hannah Kim is on its way", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var reply = await db.LeftMessageReplies.SingleAsync();
        Assert.Equal((ReplyChannel.Email, "Yes, a snug two.", ReplyDelivery.Queued), (reply.Channel, reply.Text, reply.Delivery));
    }

    [Fact]
    public async Task An_sms_answer_without_a_sender_id_is_refused_with_the_reason_and_nothing_is_queued()
    {
        var page = Render<LeftMessagesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=answer]").Count));

        page.FindAll("[data-testid=answer]")[1].Click();
        page.Find("textarea[data-testid=reply-text]").Input("Kyllä!");
        page.Find("[data-testid=send-reply]").Click();

        page.WaitForAssertion(() => Assert.Equal("Set the Left Message SMS sender ID in Account settings first.", page.Find("[data-testid=channel-error]").TextContent));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.LeftMessageReplies.CountAsync());
    }

    [Fact]
    public async Task With_nothing_waiting_the_page_says_so()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.LeftMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.AnsweredAt, Clock.GetUtcNow()));
        }

        var page = Render<LeftMessagesPage>();

        page.WaitForAssertion(() => Assert.Equal("Nothing waiting for an answer. Well done!", page.Find("[data-testid=left-empty]").TextContent));
        page.Find("input[data-testid=show-answered]").Change(true);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=left-message]").Count));
    }

    protected override ValueTask DisposeResourcesAsync() => smtp.DisposeAsync();
}
