package dev.parley.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the bot's public channels per client ({@code parley.api.*}).
 *
 * @param rateLimit how many asks and feedbacks one client address may send, over REST and chat together
 * @param keys      the API keys of programs, each with its own quota instead of its address's
 */
@ConfigurationProperties("parley.api")
public record ApiProperties(@DefaultValue RateLimit rateLimit, @DefaultValue Keys keys) {

    /**
     * A token bucket per client address ({@link ClientAddress}), shared by ask and feedback and by every channel;
     * either value 0 turns the limit off (benchmarks, a program that asks for many people from one address).
     *
     * @param burst     requests that may come at once
     * @param perMinute how fast the allowance refills
     */
    public record RateLimit(@DefaultValue("20") int burst, @DefaultValue("60") int perMinute) {
    }

    /**
     * API keys (created by the admin, sent as {@code Authorization: Bearer KEY}).
     *
     * @param requestsPerMinute the quota of a key created without one: asks and feedbacks per minute, all of them
     *                          at once at most
     */
    public record Keys(@DefaultValue("300") int requestsPerMinute) {
    }
}
