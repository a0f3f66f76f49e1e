package dev.parley.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API and page ({@code parley.admin.*}). The password may be plain or encoded with an id
 * prefix such as {@code {bcrypt}}; a blank password locks the admin area (every request gets 401), which is what the
 * {@code prod} profile does unless {@code PARLEY_ADMIN_PASSWORD} is set. The built-in password of application.yml,
 * {@value #BUILT_IN_PASSWORD}, is known to everyone: it is accepted only from this machine, by the name localhost.
 *
 * @param username      the admin user's name, matched exactly (case counts)
 * @param password      its password; blank for none; without a setting the built-in one, as in application.yml
 * @param loginThrottle how many failed sign-ins one client address may make
 */
@ConfigurationProperties("parley.admin")
public record AdminProperties(@DefaultValue("admin") String username, @DefaultValue(BUILT_IN_PASSWORD) String password,
                              @DefaultValue LoginThrottle loginThrottle) {

    /** The password for trying Parley out (application.yml sets it too; the prod profile has none). */
    public static final String BUILT_IN_PASSWORD = "parley";

    /** Whether anyone can sign in at all. */
    public boolean enabled() {
        return password != null && !password.isBlank();
    }

    /**
     * After {@code maxFailures} failed sign-ins from one client address, that address is refused (429, even with
     * the right password, or guessing would go on) until the {@code window} they fell in ends. Other addresses,
     * the real admin's among them, are not affected.
     *
     * @param maxFailures failed sign-ins allowed per client address and window; 0 turns the throttle off
     * @param window      how long the count runs before it starts again, so the longest a lock lasts
     */
    public record LoginThrottle(@DefaultValue("10") int maxFailures, @DefaultValue("5m") Duration window) {
    }
}
