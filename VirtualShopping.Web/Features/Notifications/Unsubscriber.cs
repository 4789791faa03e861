using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>What an unsubscribe link is about, for the confirmation page.</summary>
public sealed record UnsubscribeSubject(string PersonName, string MerchantName, EmailKind Kind, bool IsOn)
{
    public string KindLabel => NotificationContent.Label(Kind);
}

/// <summary>Turns off the one email an unsubscribe link names, for the person it names, after they confirm.</summary>
public sealed class Unsubscriber(IDbContextFactory<VirtualShoppingDbContext> contexts, MerchantScope scope, UnsubscribeLinks links)
{
    /// <summary>The link's person and email, or null when the token is missing, altered or names nobody any more.</summary>
    public async Task<UnsubscribeSubject?> DescribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } request)
        {
            return null;
        }

        scope.Use(request.MerchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.StaffMembers.AsNoTracking().Where(s => s.Id == request.StaffMemberId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var merchant = await db.Merchants.AsNoTracking().Where(m => m.Id == request.MerchantId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        if (person is null || merchant is null)
        {
            return null;
        }

        var subscription = await db.NotificationSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.StaffMemberId == request.StaffMemberId, cancellationToken);
        return new UnsubscribeSubject(person, merchant, request.Kind, subscription is not null && IsOn(subscription, request.Kind));
    }

    /// <summary>Turns the email off; null when the token is not valid.</summary>
    public async Task<UnsubscribeSubject?> TurnOffAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } request)
        {
            return null;
        }

        scope.Use(request.MerchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.StaffMembers.AsNoTracking().Where(s => s.Id == request.StaffMemberId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var merchant = await db.Merchants.AsNoTracking().Where(m => m.Id == request.MerchantId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        if (person is null || merchant is null)
        {
            return null;
        }

        var subscription = await db.NotificationSubscriptions.SingleOrDefaultAsync(s => s.StaffMemberId == request.StaffMemberId, cancellationToken);
        if (subscription is not null && IsOn(subscription, request.Kind))
        {
            subscription.RecipientName = person;
            subscription.MissedChats &= request.Kind != EmailKind.MissedChats;
            subscription.LeftMessages &= request.Kind != EmailKind.LeftMessages;
            subscription.DailyDigest &= request.Kind != EmailKind.DailyDigest;
            subscription.WeeklyDigest &= request.Kind != EmailKind.WeeklyDigest;
            subscription.TeamDigest &= request.Kind != EmailKind.TeamDigest;
            if (request.Kind == EmailKind.PerformanceReport)
            {
                subscription.PerformanceReport = ReportSchedule.Off;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new UnsubscribeSubject(person, merchant, request.Kind, false);
    }

    private static bool IsOn(Domain.Settings.NotificationSubscription s, EmailKind kind) => kind switch
    {
        EmailKind.MissedChats => s.MissedChats,
        EmailKind.LeftMessages => s.LeftMessages,
        EmailKind.DailyDigest => s.DailyDigest,
        EmailKind.WeeklyDigest => s.WeeklyDigest,
        EmailKind.TeamDigest => s.TeamDigest,
        EmailKind.PerformanceReport => s.PerformanceReport != ReportSchedule.Off,
        _ => false,
    };
}
