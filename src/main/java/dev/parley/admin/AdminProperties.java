package dev.parley.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API and page ({@code parley.admin.*}). The password may be plain or encoded with an id
 * prefix such as {@code {bcrypt}}; a blank password locks the admin area (every request gets 401), which is what the
 * {@code prod} profile does unless {@code PARLEY_ADMIN_PASSWORD} is set.
 *
 * @param username the admin user's name
 * @param password its password; blank for none
 */
@ConfigurationProperties("parley.admin")
public record AdminProperties(@DefaultValue("admin") String username, @DefaultValue("") String password) {

    /** Whether anyone can sign in at all. */
    public boolean enabled() {
        return password != null && !password.isBlank();
    }
}
