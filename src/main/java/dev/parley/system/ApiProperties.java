package dev.parley.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the bot's public channels per client ({@code parley.api.*}).
 *
 * @param rateLimit how many asks and feedbacks one client address may send, over REST and chat together
 */
@ConfigurationProperties("parley.api")
public record ApiProperties(@DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client address ({@link ClientAddress}), shared by ask and feedback and by every channel;
     * either value 0 turns the limit off (benchmarks, a program that asks for many people from one address).
     *
     * @param burst     requests that may come at once
     * @param perMinute how fast the allowance refills
     */
    public record RateLimit(@DefaultValue("20") int burst, @DefaultValue("60") int perMinute) {
    }
}
