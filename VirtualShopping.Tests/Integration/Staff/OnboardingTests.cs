using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Staff;

/// <summary>Joining with the invite code, approval, and invitations, end to end through the real pages and API.</summary>
public sealed class OnboardingTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Expert_who_joins_with_the_invite_code_can_sign_in_only_after_a_manager_approves()
    {
        var merchant = await factory.DemoMerchantAsync();
        var client = factory.CreateAnonymousClient();

        var joined = await SubmitJoinAsync(client, merchant.InviteCode.ToLowerInvariant(), "Riya Kapoor", "riya.kapoor@demo-outfitters.example");
        Assert.Contains("A store manager will approve you shortly", joined, StringComparison.Ordinal);

        var early = await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), "riya.kapoor@demo-outfitters.example", "Riya-Password-1");
        Assert.Contains("waiting for a store manager's approval", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var pending = await manager.GetJsonAsync<VirtualShopping.Web.Components.Shared.PagedResult<StaffSummary>>("/api/v1/staff?status=PendingApproval&search=riya");
        var riya = Assert.Single(pending!.Items);
        Assert.Equal(StaffRoles.Expert, riya.Roles);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/staff/{riya.Id}/approve", null)).StatusCode);

        var approved = await factory.SignInAsync("riya.kapoor@demo-outfitters.example", "Riya-Password-1");
        Assert.Equal(HttpStatusCode.OK, (await approved.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Wrong_invite_code_is_refused_and_creates_nothing()
    {
        var client = factory.CreateAnonymousClient();

        var page = await SubmitJoinAsync(client, "ZZZZZZZ", "Nobody", "nobody@example.com");

        Assert.Contains("We don't recognise that invite code.", page, StringComparison.Ordinal);
        var merchant = await factory.DemoMerchantAsync();
        Assert.False(await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.AnyAsync(s => s.Email == "nobody@example.com")));
    }

    [Fact]
    public async Task When_the_retailer_requires_employee_ids_joining_without_one_is_refused()
    {
        var merchant = await factory.DemoMerchantAsync();
        await factory.InMerchantAsync(merchant.Id, async db =>
        {
            var settings = await db.StoreAppSettings.SingleOrDefaultAsync() ?? db.StoreAppSettings.Add(new VirtualShopping.Domain.Settings.StoreAppSettings()).Entity;
            settings.EmployeeIdRequired = true;
            return await db.SaveChangesAsync();
        });

        var page = await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Leo Grant", "leo.grant@demo-outfitters.example", employeeId: "");

        Assert.Contains("Your retailer asks for your employee ID.", page, StringComparison.Ordinal);
        Assert.False(await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.AnyAsync(s => s.Email == "leo.grant@demo-outfitters.example")));
        await factory.InMerchantAsync(merchant.Id, async db =>
        {
            (await db.StoreAppSettings.SingleAsync()).EmployeeIdRequired = false;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Invited_person_sets_a_password_once_and_can_then_sign_in()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var invite = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput
        {
            DisplayName = "Tomas Berg",
            Email = "tomas.berg@demo-outfitters.example",
            Roles = StaffRoles.StoreManager,
            Access = DashboardAccess.ManageTeam,
        });
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var link = await invite.Content.ReadAsync<StaffInvitationLink>();

        var visitor = factory.CreateAnonymousClient();
        var form = await visitor.GetStringAsync(link!.Path);
        Assert.Contains("Welcome, Tomas Berg", form, StringComparison.Ordinal);
        var accepted = await visitor.PostAsync(link.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(form),
            ["_handler"] = "accept-invitation",
            ["Input.Password"] = "Tomas-Password-1",
            ["Input.ConfirmPassword"] = "Tomas-Password-1",
        }));
        Assert.Contains("Your account is ready", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tomas = await factory.SignInAsync("tomas.berg@demo-outfitters.example", "Tomas-Password-1");
        Assert.Equal(HttpStatusCode.OK, (await tomas.GetAsync("/api/v1/staff")).StatusCode);

        var reuse = await factory.CreateAnonymousClient().GetStringAsync(link.Path);
        Assert.Contains("This invitation link has expired or has already been used.", reuse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_with_a_bad_email_gets_field_errors_and_saves_nothing()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "", Email = "nope", Roles = StaffRoles.None });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a valid email address.", body, StringComparison.Ordinal);
        Assert.Contains("Choose at least one role.", body, StringComparison.Ordinal);
        Assert.Contains("Enter the person's name.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_languages_are_set_from_the_chats_list_and_kept_when_an_api_caller_leaves_them_out()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Inès Laurent", Email = "ines.laurent@demo-outfitters.example", Roles = StaffRoles.Expert, Languages = ["fr", "klingon"] });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("Choose languages from the chat's list", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        created = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Inès Laurent", Email = "ines.laurent@demo-outfitters.example", Roles = StaffRoles.Expert, Languages = ["fr", "en", "fr"] });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var merchant = await factory.DemoMerchantAsync();
        var ines = await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Email == "ines.laurent@demo-outfitters.example"));
        Assert.Equal(["fr", "en"], ines.Languages);

        var edited = await admin.PutAsJsonAsync($"/api/v1/staff/{ines.Id}", new StaffInput { DisplayName = "Inès Laurent", Email = ines.Email, Roles = StaffRoles.Expert, ConcurrencyStamp = ines.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(["fr", "en"], (await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == ines.Id))).Languages);
    }

    [Fact]
    public async Task Managers_of_one_merchant_cannot_see_or_approve_another_merchants_people()
    {
        await TestMerchants.CreateAsync(factory.Services, "Rival Retail", "admin@rival-retail.example");
        var rivalAdmin = await factory.SignInAsync("admin@rival-retail.example", TestMerchants.Password);
        var merchant = await factory.DemoMerchantAsync();
        var pendingId = await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Status == StaffStatus.PendingApproval).Select(s => s.Id).FirstAsync());

        var list = await rivalAdmin.GetJsonAsync<VirtualShopping.Web.Components.Shared.PagedResult<StaffSummary>>("/api/v1/staff?pageSize=200");
        var read = await rivalAdmin.GetAsync($"/api/v1/staff/{pendingId}");
        var approve = await rivalAdmin.PostAsync($"/api/v1/staff/{pendingId}/approve", null);

        Assert.DoesNotContain(list!.Items, s => s.Email.EndsWith("@demo-outfitters.example", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(StaffStatus.PendingApproval, await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Id == pendingId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Inviting_another_merchants_staff_email_is_answered_exactly_as_an_unknown_email()
    {
        await TestMerchants.CreateAsync(factory.Services, "Prying Retail", "admin@prying-retail.example");
        var pryingAdmin = await factory.SignInAsync("admin@prying-retail.example", TestMerchants.Password);

        var known = await pryingAdmin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Known", Email = DemoMerchantSeeder.ManagerEmail, Roles = StaffRoles.Expert });
        var unknown = await pryingAdmin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Unknown", Email = "nobody.at.all@demo-outfitters.example", Roles = StaffRoles.Expert });

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        var link = await known.Content.ReadAsync<StaffInvitationLink>();
        Assert.Equal(DemoMerchantSeeder.ManagerEmail, link!.Email);
        Assert.StartsWith("/account/invitation?token=", link.Path, StringComparison.Ordinal);

        // The conflict surfaces only to whoever opens the link and chooses a password, and changes nothing.
        var visitor = factory.CreateAnonymousClient();
        var form = await visitor.GetStringAsync(link.Path);
        var accepted = await visitor.PostAsync(link.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(form),
            ["_handler"] = "accept-invitation",
            ["Input.Password"] = "Known-Password-1",
            ["Input.ConfirmPassword"] = "Known-Password-1",
        }));
        Assert.Contains("This email already has a sign-in", WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The demo manager keeps their one sign-in with their own merchant.
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/staff")).StatusCode);
    }

    private static async Task<string> SubmitJoinAsync(HttpClient client, string code, string name, string email, string employeeId = "LDN-299")
    {
        var form = await client.GetStringAsync("/account/join");
        var response = await client.PostAsync("/account/join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(form),
            ["_handler"] = "join",
            ["Input.InviteCode"] = code,
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.EmployeeId"] = employeeId,
            ["Input.Password"] = "Riya-Password-1",
            ["Input.ConfirmPassword"] = "Riya-Password-1",
        }));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
