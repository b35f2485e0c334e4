package org.outward.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.outward.platform.errors.ForbiddenException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule for every non-public request: a validated token whose bearer the {@link RosterCheck} admits. The
 * admitted {@link Caller} is kept on the request for the controllers; a refusal's reason is kept for the 403.
 */
final class RosterAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    static final String CALLER = Caller.class.getName();
    static final String REFUSAL = RosterAuthorization.class.getName() + ".refusal";

    private final RosterCheck check;

    RosterAuthorization(RosterCheck check) {
        this.check = check;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return new AuthorizationDecision(false); // anonymous: the entry point answers 401
        }
        HttpServletRequest request = context.getRequest();
        try {
            request.setAttribute(CALLER, check.admit(jwt));
            return new AuthorizationDecision(true);
        } catch (ForbiddenException refused) {
            request.setAttribute(REFUSAL, refused.getMessage());
            return new AuthorizationDecision(false);
        }
    }

    /** Why the request was refused, for the 403's detail. */
    static String refusal(HttpServletRequest request) {
        Object reason = request.getAttribute(REFUSAL);
        return reason != null ? reason.toString() : "You may not do this.";
    }
}
