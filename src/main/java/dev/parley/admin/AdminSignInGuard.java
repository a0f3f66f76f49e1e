package dev.parley.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.system.BucketStores;
import dev.parley.system.ClientAddress;
import dev.parley.system.ClientBuckets;
import dev.parley.system.ProblemResponses;
import dev.parley.system.TooManyRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before the admin's credentials are checked, and refuses a request whatever they are:
 * <ul>
 * <li>403 while the {@linkplain AdminProperties#BUILT_IN_PASSWORD built-in password} is set, unless the request
 * comes from this machine ({@link ClientAddress#isLoopback()}), names it (a loopback Host), and came through no
 * proxy. A page that rebinds its own DNS name to 127.0.0.1 runs in a browser on this very machine, so the address
 * alone would let it in with a password everyone knows; its requests still name its own host. A proxy on this
 * machine that the server was not told to trust makes every request look local; its forwarding header, which a
 * trusted proxy's would not leave behind (Tomcat consumes it), gives it away.</li>
 * <li>429 with {@code Retry-After} while the client address is locked after too many failed sign-ins
 * ({@link AdminProperties.LoginThrottle}), counted in the {@link BucketStores}: with PostgreSQL across all
 * instances, so a guesser spreading its tries over the instances behind a balancer gets no more of them. A request
 * with credentials takes its attempt before they are checked, and gets it back once they prove right: counting only after the check would let any number of requests sent at
 * once be checked before the first failure is counted.</li>
 * </ul>
 * Not a bean: Spring Boot would put a filter bean in front of every path, and this belongs to the admin area only.
 */
final class AdminSignInGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminSignInGuard.class);
    private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");
    private static final String LAST_ATTEMPT = AdminSignInGuard.class.getName() + ".lastAttempt";
    private static final String FAILED = AdminSignInGuard.class.getName() + ".failed";

    private final boolean builtInPassword;
    private final AdminProperties.LoginThrottle throttle;
    private final ClientBuckets failures;
    private final ProblemResponses problems;

    AdminSignInGuard(boolean builtInPassword, AdminProperties.LoginThrottle throttle, ProblemResponses problems,
            BucketStores stores) {
        this.builtInPassword = builtInPassword;
        this.throttle = throttle;
        this.failures = ClientBuckets.perWindow(stores, "admin-sign-in", throttle.maxFailures(), throttle.window());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientAddress client = ClientAddress.of(request);
        if (builtInPassword && !isOnThisMachine(client, request)) {
            problems.write(request, response, ProblemResponses.problem(HttpStatus.FORBIDDEN,
                    "Admin area closed to this address", "The admin password is still the built-in '"
                            + AdminProperties.BUILT_IN_PASSWORD + "', which is accepted only on this machine at "
                            + "http://localhost. To use the admin area from elsewhere (or through a proxy), set "
                            + "PARLEY_ADMIN_PASSWORD (parley.admin.password) to a password of your own."));
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            Optional<Duration> locked = failures.waitFor(client.limitKey());
            if (locked.isPresent()) {
                refuse(request, response, locked.get());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        var attempt = failures.take(client.limitKey());
        if (!attempt.taken()) {
            refuse(request, response, attempt.retryAfter());
            return;
        }
        request.setAttribute(LAST_ATTEMPT, attempt.remaining() == 0);
        chain.doFilter(request, response);
        if (request.getAttribute(FAILED) == null) {
            failures.giveBack(client.limitKey()); // right credentials: the attempt does not count
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        TooManyRequests.send(problems, request, response, wait, "Too many failed sign-ins from your address");
    }

    private static boolean isOnThisMachine(ClientAddress client, HttpServletRequest request) {
        return client.isLoopback() && ClientAddress.isLoopbackHost(request.getServerName())
                && FORWARDING_HEADERS.stream().allMatch(header -> request.getHeader(header) == null);
    }

    /** Marks a failed sign-in (wrong user name or password): its attempt, taken before the check, stays counted. */
    void failed(HttpServletRequest request) {
        request.setAttribute(FAILED, Boolean.TRUE);
        ClientAddress client = ClientAddress.of(request);
        if (Boolean.TRUE.equals(request.getAttribute(LAST_ATTEMPT))) {
            // The failure that used up the allowance starts the lock: logged once, not once per refused request.
            long seconds = TooManyRequests.retryAfterSeconds(
                    failures.waitFor(client.limitKey()).orElse(Duration.ZERO));
            log.warn("Admin sign-in locked for {} after {} failed attempts within {} s: refused (429) for {} s",
                    client.value(), throttle.maxFailures(), throttle.window().toSeconds(), seconds);
        }
    }
}
