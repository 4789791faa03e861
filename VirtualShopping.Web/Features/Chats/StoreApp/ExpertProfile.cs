namespace VirtualShopping.Web.Features.Chats;

/// <summary>The Store App's home screen: who, available or not, how many chats of how many.</summary>
public sealed record ExpertProfile(Guid Id, string Name, bool Available, IReadOnlyList<string> Languages, int ActiveChats, int MaxSimultaneousChats);
