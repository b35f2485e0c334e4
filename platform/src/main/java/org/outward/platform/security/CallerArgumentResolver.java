package org.outward.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method declare a {@link Caller} parameter: the token's bearer as the roster admitted them
 * (see {@link RosterCheck}; the security filter chain admits every non-public request before it reaches a
 * controller).
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_EMAIL = "email";
    public static final String CLAIM_LIBRARY = "library_id";
    public static final String CLAIM_COHORT = "cohort_id";

    private final RosterCheck check;

    public CallerArgumentResolver(RosterCheck check) {
        this.check = check;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null; // only on public paths, where controllers do not ask for a caller
        }
        Caller caller = webRequest.getAttribute(RosterAuthorization.CALLER, NativeWebRequest.SCOPE_REQUEST)
                instanceof Caller admitted ? admitted : check.admit(jwt);
        if (parameter.hasParameterAnnotation(StaffOnly.class)) {
            caller.requireStaff();
        }
        return caller;
    }

    /** What the token claims, before the roster had its say. */
    static Caller fromJwt(Jwt jwt) {
        Set<String> roles = new HashSet<>();
        Object claim = jwt.getClaim(CLAIM_ROLES);
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> roles.add(String.valueOf(v)));
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(CLAIM_EMAIL), roles,
                jwt.getClaimAsString(CLAIM_LIBRARY), jwt.getClaimAsString(CLAIM_COHORT));
    }
}
