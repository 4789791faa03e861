using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// <see cref="LeftMessageAccess"/>: a left message's phone and email show only to the staff who answer it: HQ admins
/// and support, and experts and store managers whose stores serve its need (or any such person when it names no need).
/// </summary>
public sealed class LeftMessageAccessTests
{
    private static readonly LeftMessage AboutShoes = new() { Name = "Léa", Email = "lea@example.com", Text = "Size 38?", DepartmentId = Guid.NewGuid() };
    private static readonly LeftMessage AboutNothing = new() { Name = "Léa", Phone = "+447700900123", Text = "Open on Sunday?" };

    private static ChatStaff Person(StaffRoles roles) => new(Guid.NewGuid(), "Person", roles, [Guid.NewGuid()]);

    [Theory]
    [InlineData(StaffRoles.HqAdmin)]
    [InlineData(StaffRoles.Support)]
    public void Hq_admins_and_support_answer_every_left_message(StaffRoles roles)
    {
        Assert.True(LeftMessageAccess.CanAnswer(Person(roles), AboutShoes, servedByStaffStores: false));
        Assert.True(LeftMessageAccess.CanAnswer(Person(roles), AboutNothing, servedByStaffStores: false));
    }

    [Theory]
    [InlineData(StaffRoles.Expert)]
    [InlineData(StaffRoles.StoreManager)]
    public void Experts_and_store_managers_answer_messages_about_needs_their_stores_serve(StaffRoles roles)
    {
        Assert.True(LeftMessageAccess.CanAnswer(Person(roles), AboutShoes, servedByStaffStores: true));
        Assert.False(LeftMessageAccess.CanAnswer(Person(roles), AboutShoes, servedByStaffStores: false));
    }

    [Theory]
    [InlineData(StaffRoles.Expert)]
    [InlineData(StaffRoles.StoreManager)]
    public void Experts_and_store_managers_answer_messages_about_no_particular_need(StaffRoles roles) =>
        Assert.True(LeftMessageAccess.CanAnswer(Person(roles), AboutNothing, servedByStaffStores: false));

    [Fact]
    public void Nobody_without_a_chat_role_answers() =>
        Assert.False(LeftMessageAccess.CanAnswer(Person(StaffRoles.None), AboutNothing, servedByStaffStores: true));
}
