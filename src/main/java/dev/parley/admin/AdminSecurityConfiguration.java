package dev.parley.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import dev.parley.system.BucketStores;
import dev.parley.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards {@code /api/v1/admin/**}, the {@code /admin} page and the metrics ({@value #METRICS}, which tell how the
 * bot is used) with HTTP Basic and the one admin user of {@link AdminProperties}; Prometheus scrapes with the same
 * credentials ({@code basic_auth}). Everything else (the chat, the bot API, the widget, the health probes, which a
 * load balancer asks without credentials) is outside this filter chain and untouched by Spring Security.
 *
 * <p>Browsers remember Basic credentials and send them on any request to this origin, even one a hostile page
 * makes; so a write that a browser marks as coming from another site is refused: by {@code Sec-Fetch-Site}, or, from
 * browsers too old to send it, by an {@code Origin} that is not this server. Programs (curl, scripts) send neither
 * and are let through on their credentials alone. No CSRF token and no session: nothing to hand out or store.
 *
 * <p>Before any credentials are checked, {@link AdminSignInGuard} keeps the built-in password to this machine and
 * refuses client addresses locked after too many failed sign-ins.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    static final String ROLE = "ADMIN";
    static final String METRICS = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.OPTIONS.name());
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Bean
    SecurityFilterChain adminSecurity(HttpSecurity http, ProblemResponses problems, AdminProperties admin,
            PasswordEncoder encoder, BucketStores stores) throws Exception {
        boolean builtInPassword = admin.enabled()
                && encoder.matches(AdminProperties.BUILT_IN_PASSWORD, storedPassword(admin));
        var guard = new AdminSignInGuard(builtInPassword, admin.loginThrottle(), problems, stores);
        // One answer for every 401: the Basic filter calls it when credentials were sent and are wrong (or
        // garbled), the exception handling when none were sent.
        AuthenticationEntryPoint signIn = (request, response, e) -> {
            if (e instanceof BadCredentialsException) {
                guard.failed(request);
                problem(request, response, problems, HttpStatus.UNAUTHORIZED,
                        "The admin user name or password is wrong (HTTP Basic).");
                return;
            }
            problem(request, response, problems, HttpStatus.UNAUTHORIZED,
                    "Admin credentials are required (HTTP Basic).");
        };
        http.securityMatcher("/api/v1/admin/**", "/admin", "/admin/**", METRICS, METRICS + "/**")
                .addFilterBefore(guard, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(AdminSecurityConfiguration::isCrossSiteWrite).denyAll()
                        .anyRequest().hasRole(ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, e) -> problem(request, response, problems,
                                HttpStatus.FORBIDDEN,
                                "Changes to the admin area from another site's page are refused.")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** A write that a browser made on behalf of a page from another site. */
    static boolean isCrossSiteWrite(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !OWN_SITE.contains(fetchSite);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !isThisServer(origin, request);
    }

    /**
     * Whether an origin is this server's own: the same scheme, host and port as the request was made to (as Host
     * and, from a trusted proxy, X-Forwarded-Proto and X-Forwarded-Host name it).
     */
    private static boolean isThisServer(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false; // an origin is scheme://host[:port] and nothing more
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
            return scheme.equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (URISyntaxException e) {
            return false; // "null" (sandboxed frames, file: pages) and garbage are not this server
        }
    }

    @Bean
    UserDetailsService adminUsers(AdminProperties admin) {
        if (!admin.enabled()) {
            log.warn("No admin password is set (parley.admin.password / PARLEY_ADMIN_PASSWORD): "
                    + "the admin API and page refuse every request.");
            return username -> {
                throw new UsernameNotFoundException("there is no admin user");
            };
        }
        String password = storedPassword(admin);
        // The name must match exactly: Spring's InMemoryUserDetailsManager lower-cases names, so it let ADMIN in.
        return username -> {
            if (!admin.username().equals(username)) {
                throw new UsernameNotFoundException("not the admin user");
            }
            // A new copy each time: Spring Security erases the password of the one it has authenticated.
            return User.withUsername(admin.username()).password(password).roles(ROLE).build();
        };
    }

    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The configured password as Spring Security stores it: with its encoding's id, {noop} for a plain one. */
    private static String storedPassword(AdminProperties admin) {
        String password = admin.password().startsWith("{") ? admin.password() : "{noop}" + admin.password();
        requireKnownEncoding(password);
        return password;
    }

    /** A typo in "{bcrypt}" would otherwise lock the admin out in silence; better not to start. */
    private static void requireKnownEncoding(String password) {
        try {
            PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("any probe", password);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.admin.password starts with '{' but names no password encoding "
                    + "Spring Security knows, e.g. {bcrypt} or {noop}; for a plain password that starts with '{', "
                    + "write {noop} before it.", e);
        }
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, ProblemResponses problems,
            HttpStatus status, String detail) throws IOException {
        var problem = ProblemResponses.problem(status, detail);
        // The challenge lets a browser opening /admin ask for the user name and password.
        problems.write(request, response, status != HttpStatus.UNAUTHORIZED ? problem
                : problem.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Parley admin\", charset=\"UTF-8\""));
    }
}
