package org.outward.gateway.security;

import java.util.Optional;
import org.outward.contracts.roster.InMemoryRoster;
import org.outward.contracts.roster.RosterLibrary;
import org.outward.contracts.roster.RosterStanding;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's part in "access follows the roster": a valid token (cached by {@link CachingJwtDecoder} or not)
 * or a signed-in browser session does not pass once the roster (the topic, folded in memory by
 * {@link RosterFeed}) says its holder was removed, or that their library left its cohort. Checked on every
 * request after the token or the session, so no cached token and no session outlives a revocation; a map look-up,
 * no remote call. The person is named by the claims of the bearer token, or of a session's OIDC user (its ID
 * token carries the same {@code email} and {@code library_id}).
 *
 * <p>Only refusals are decided here: a person the gateway has not heard of passes, and each service then checks
 * the caller against its own roster view (which refuses library members it does not know).
 */
public final class RosterGate implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final String REFUSAL = RosterGate.class.getName() + ".refusal";
    private static final String LIBRARY_LEFT = "Your library is no longer in a cohort of the program.";

    private final InMemoryRoster roster;

    public RosterGate(InMemoryRoster roster) {
        this.roster = roster;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
                .map(auth -> decide(auth, context.getExchange()))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private AuthorizationResult decide(Authentication auth, ServerWebExchange exchange) {
        if (!(auth.getPrincipal() instanceof ClaimAccessor claims)) {
            return new AuthorizationDecision(false);
        }
        Optional<String> refusal = refusal(claims);
        refusal.ifPresent(reason -> exchange.getAttributes().put(REFUSAL, reason));
        return new AuthorizationDecision(refusal.isEmpty());
    }

    /** Why the holder of these (valid) claims may not pass, if the roster says so. */
    Optional<String> refusal(ClaimAccessor claims) {
        RosterStanding standing = roster.standing(claims.getClaimAsString("email"));
        switch (standing.status()) {
            case ACTIVE:
                return Optional.empty();
            case REMOVED:
                return Optional.of("You are no longer on the program's roster.");
            case LIBRARY_LEFT:
                return Optional.of(LIBRARY_LEFT);
            default:
                // Not known here (yet): only the library the token names can tell.
                boolean left = roster.library(claims.getClaimAsString("library_id")).filter(l -> !l.inCohort())
                        .map(RosterLibrary::libraryId).isPresent();
                return left ? Optional.of(LIBRARY_LEFT) : Optional.empty();
        }
    }

    /** The reason a request was refused by the roster, for the 403's detail. */
    public static Optional<String> refusal(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(REFUSAL));
    }
}
