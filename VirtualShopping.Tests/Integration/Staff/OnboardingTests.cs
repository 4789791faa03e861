using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Staff;

/// <summary>Joining with the invite code, approval, and invitations, end to end through the real pages and API.</summary>
public sealed partial class OnboardingTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
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

    [Fact]
    public async Task Joining_with_an_email_that_already_has_an_account_anywhere_looks_exactly_like_a_new_request_and_changes_nothing()
    {
        var merchant = await factory.DemoMerchantAsync();
        await TestMerchants.CreateAsync(factory.Services, "Neighbour Retail", "admin@neighbour-retail.example");
        const string pending = "pia.pending@demo-outfitters.example";
        Assert.Contains("join-done", await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Pia Pending", pending, password: "Pia-Password-1"), StringComparison.Ordinal);
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        const string invited = "ivo.invited@demo-outfitters.example";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Ivo Invited", Email = invited, Roles = StaffRoles.Expert })).StatusCode);
        var before = await PeopleAsync(merchant.Id);

        // Same merchant's staff, another merchant's staff, a pending join request, a same-merchant invitation not yet accepted.
        string[] known = [DemoMerchantSeeder.ExpertEmail, "admin@neighbour-retail.example", pending, invited.ToUpperInvariant()];
        var answers = new List<string>();
        foreach (var email in known)
        {
            answers.Add(OutcomeIn(await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Sam Prober", email, password: "Prober-Password-1")));
        }

        Assert.Equal(before, await PeopleAsync(merchant.Id));
        var fresh = OutcomeIn(await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Sam Prober", "sam.prober@demo-outfitters.example", password: "Prober-Password-1"));
        Assert.Contains("A store manager will approve you shortly", fresh, StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal(fresh, answer));

        // Everyone keeps their own password; the prober's opens nothing.
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync(DemoMerchantSeeder.ExpertEmail)).GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("admin@neighbour-retail.example", TestMerchants.Password)).GetAsync("/")).StatusCode);
        var pendingSignIn = await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), pending, "Pia-Password-1");
        Assert.Contains("waiting for a store manager's approval", WebUtility.HtmlDecode(await pendingSignIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        foreach (var email in known)
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), email, "Prober-Password-1")).StatusCode);
        }
    }

    [Fact]
    public async Task Parallel_joins_with_one_new_email_at_one_or_two_merchants_all_get_the_same_answer_and_make_one_request()
    {
        var merchant = await factory.DemoMerchantAsync();
        var other = await TestMerchants.CreateAsync(factory.Services, "Neighbour Retail", "admin@neighbour-retail.example");
        const string email = "pax.parallel@demo-outfitters.example";
        var codes = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? merchant.InviteCode : other.InviteCode);

        var pages = await Task.WhenAll(codes.Select(code => SubmitJoinAsync(factory.CreateAnonymousClient(), code, "Pax Parallel", email)));

        Assert.Single(pages.Select(OutcomeIn).Distinct());
        Assert.Contains("join-done", pages[0], StringComparison.Ordinal);
        Assert.Equal(1, await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.IgnoreQueryFilters().CountAsync(s => s.Email == email)));
        Assert.Equal(1, await factory.InMerchantAsync(merchant.Id, db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_password_the_sign_in_rules_refuse_is_refused_alike_for_a_known_and_a_new_email()
    {
        var merchant = await factory.DemoMerchantAsync();

        var known = await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Sam Prober", DemoMerchantSeeder.ExpertEmail, password: "only-lowercase-letters");
        var fresh = await SubmitJoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, "Sam Prober", "sam.weak@demo-outfitters.example", password: "only-lowercase-letters");

        // The form shows back what was typed; apart from that email the pages are the same.
        Assert.DoesNotContain("join-done", fresh, StringComparison.Ordinal);
        Assert.Equal(OutcomeIn(fresh).Replace("sam.weak@demo-outfitters.example", "EMAIL", StringComparison.Ordinal), OutcomeIn(known).Replace(DemoMerchantSeeder.ExpertEmail, "EMAIL", StringComparison.Ordinal));
        Assert.False(await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.AnyAsync(s => s.Email == "sam.weak@demo-outfitters.example")));
    }

    /// <summary>What the join page shows after a submit: the heading, the message or errors, and the form's fields (not its token).</summary>
    private static string OutcomeIn(string page) =>
        AntiforgeryField().Replace(AuthContent().Match(page).Value, string.Empty);

    [GeneratedRegex("<h1 class=\"auth-title\">.*?(Go to sign in</a>|</form>)", RegexOptions.Singleline)]
    private static partial Regex AuthContent();

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryField();

    /// <summary>Every staff row and sign-in in the installation, with what a change would touch.</summary>
    private Task<string[]> PeopleAsync(Guid merchantId) => factory.InMerchantAsync(merchantId, async db =>
    {
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Select(s => $"{s.Id}|{s.MerchantId}|{s.Email}|{s.DisplayName}|{s.Status}|{s.Roles}|{s.EmployeeId}|{s.ConcurrencyStamp}").ToListAsync();
        var users = await db.Users.AsNoTracking()
            .Select(u => $"{u.Id}|{u.Email}|{u.PasswordHash}|{u.SecurityStamp}|{u.ConcurrencyStamp}|{u.StaffMemberId}").ToListAsync();
        return staff.Concat(users).Order(StringComparer.Ordinal).ToArray();
    });

    private static async Task<string> SubmitJoinAsync(HttpClient client, string code, string name, string email, string employeeId = "LDN-299", string password = "Riya-Password-1")
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
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
