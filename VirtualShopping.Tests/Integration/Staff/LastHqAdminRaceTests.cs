using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Staff;

/// <summary>
/// A merchant's only two HQ admins, signed in on two app instances over one database, take each other's
/// HQ admin role or deactivate each other at the same moment. Both requests are held, once each has
/// counted the active HQ admins (two), until the other has counted too, so both pass the check made
/// before saving: the database must still keep one of them an active HQ admin, and the other request
/// gets the same 409 problem the sequential case gives.
/// </summary>
public sealed class LastHqAdminRaceTests : TwoInstances
{
    private const string MerchantName = "Twin Retail";
    private const string FirstEmail = "first.admin@twin-retail.example";
    private const string SecondEmail = "second.admin@twin-retail.example";
    private const int Rounds = 3;

    public enum Change
    {
        Deactivate,
        TakeHqAdminRole,
    }

    [Theory]
    [InlineData(Change.Deactivate, Change.Deactivate)]
    [InlineData(Change.TakeHqAdminRole, Change.TakeHqAdminRole)]
    [InlineData(Change.Deactivate, Change.TakeHqAdminRole)]
    public async Task Two_hq_admins_changing_each_other_at_once_on_two_instances_leave_one_active_hq_admin(Change byFirst, Change bySecond)
    {
        var gate = new AdminCountGate();
        var one = First.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqliteVirtualShoppingDbContext>(o => o.AddInterceptors(gate), ServiceLifetime.Singleton)));
        var merchant = await TestMerchants.CreateAsync(one.Services, MerchantName, FirstEmail);
        var firstId = await InMerchantAsync(one, merchant.Id, db => db.StaffMembers.Where(s => s.Email == FirstEmail).Select(s => s.Id).SingleAsync());
        var secondId = await AddHqAdminAsync(one, merchant.Id, SecondEmail);
        var two = Second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqliteVirtualShoppingDbContext>(o => o.AddInterceptors(gate), ServiceLifetime.Singleton)));

        for (var round = 0; round < Rounds; round++)
        {
            await InMerchantAsync(one, merchant.Id, db => db.StaffMembers.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, StaffStatus.Active)
                .SetProperty(m => m.Roles, StaffRoles.HqAdmin)
                .SetProperty(m => m.Access, DashboardAccess.All)));
            var firstAdmin = await SignInAsync(one, FirstEmail);
            var secondAdmin = await SignInAsync(two, SecondEmail);
            var firstRequest = await RequestAsync(firstAdmin, byFirst, secondId);
            var secondRequest = await RequestAsync(secondAdmin, bySecond, firstId);

            gate.Hold(2);
            var responses = await Task.WhenAll(firstAdmin.SendAsync(firstRequest), secondAdmin.SendAsync(secondRequest));

            Assert.True(gate.Released, $"Round {round}: both requests should have counted the HQ admins before either saved.");
            var left = await InMerchantAsync(one, merchant.Id, db => db.StaffMembers.CountAsync(s => s.Status == StaffStatus.Active && (s.Roles & StaffRoles.HqAdmin) == StaffRoles.HqAdmin));
            Assert.True(left >= 1, $"Round {round}: no active HQ admin is left ({responses[0].StatusCode}, {responses[1].StatusCode}).");
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await AssertLastHqAdminProblemAsync(Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK));
        }
    }

    private static async Task<HttpRequestMessage> RequestAsync(HttpClient admin, Change change, Guid other)
    {
        if (change == Change.Deactivate)
        {
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/{other}/deactivate");
        }

        var input = (await admin.GetJsonAsync<StaffDetails>($"/api/v1/staff/{other}"))!.Staff;
        input.Roles = StaffRoles.StoreManager;
        input.Access = DashboardAccess.ManageTeam;
        return new HttpRequestMessage(HttpMethod.Put, $"/api/v1/staff/{other}") { Content = JsonContent.Create(input) };
    }

    private static async Task AssertLastHqAdminProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("This is the last active HQ admin", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> instance, string email)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        var response = await VirtualShoppingFactory.SubmitSignInAsync(client, email, TestMerchants.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<T> InMerchantAsync<T>(WebApplicationFactory<Program> instance, Guid merchantId, Func<VirtualShoppingDbContext, Task<T>> work)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    private static async Task<Guid> AddHqAdminAsync(WebApplicationFactory<Program> instance, Guid merchantId, string email)
    {
        var id = await InMerchantAsync(instance, merchantId, async db =>
        {
            var member = new StaffMember { DisplayName = "Second admin", Email = email, Roles = StaffRoles.HqAdmin, Access = DashboardAccess.All, Status = StaffStatus.Active };
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        await using var scope = instance.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MerchantId = merchantId, StaffMemberId = id }, TestMerchants.Password);
        Assert.True(created.Succeeded);
        return id;
    }

    /// <summary>
    /// Holds each request that has just counted the merchant's active HQ admins until the given number of
    /// requests have counted, then lets them all go on; later counts pass straight through.
    /// </summary>
    private sealed class AdminCountGate : DbCommandInterceptor
    {
        private readonly Lock sync = new();
        private TaskCompletionSource? open;
        private int waitingFor;

        public bool Released { get; private set; }

        public void Hold(int requests)
        {
            lock (sync)
            {
                open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waitingFor = requests;
                Released = false;
            }
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (CountsHqAdmins(command))
            {
                Task? held = null;
                lock (sync)
                {
                    if (open is { } gate)
                    {
                        held = gate.Task;
                        if (--waitingFor == 0)
                        {
                            Released = true;
                            open = null;
                            gate.SetResult();
                        }
                    }
                }

                if (held is not null)
                {
                    // A bound, not a pause: a request that never reaches its count must fail the round, not hang it.
                    await held.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }
            }

            return result;
        }

        private static bool CountsHqAdmins(DbCommand command) =>
            command.CommandText.Contains("COUNT(*)", StringComparison.Ordinal)
            && command.CommandText.Contains("FROM \"StaffMembers\"", StringComparison.Ordinal)
            && command.CommandText.Contains("\"Roles\"", StringComparison.Ordinal);
    }
}
