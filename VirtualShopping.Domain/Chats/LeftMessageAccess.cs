namespace VirtualShopping.Domain.Chats;

/// <summary>
/// Who answers a left message, and so who sees the phone number and email the shopper left with it: HQ admins and
/// support staff (every message of the merchant); experts and store managers for messages about a need that an
/// active team of one of their stores serves, or about no particular need. Everyone else sees the message without
/// the contact details and cannot answer it.
/// </summary>
public static class LeftMessageAccess
{
    /// <param name="servedByStaffStores">An active team of one of the person's stores serves the message's need.</param>
    public static bool CanAnswer(ChatStaff staff, LeftMessage message, bool servedByStaffStores)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(message);
        return staff.SeesWholeMerchant
            || ((staff.IsExpert || staff.IsStoreManager) && (message.DepartmentId is null || servedByStaffStores));
    }
}
