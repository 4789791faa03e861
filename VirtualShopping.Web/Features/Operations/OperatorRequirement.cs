using Microsoft.AspNetCore.Authorization;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>Met by a signed-in platform operator (see <see cref="OperatorAuthorizationHandler"/>).</summary>
internal sealed class OperatorRequirement : IAuthorizationRequirement;
