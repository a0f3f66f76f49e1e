package dev.parley.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public REST API ({@code parley.api.*}).
 *
 * @param rateLimit how many asks and feedbacks one client address may send
 */
@ConfigurationProperties("parley.api")
record ApiProperties(@DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client address ({@link dev.parley.system.ClientAddress}), shared by ask and feedback;
     * either value 0 turns the limit off (benchmarks, a program that asks for many people from one address).
     *
     * @param burst     requests that may come at once
     * @param perMinute how fast the allowance refills
     */
    record RateLimit(@DefaultValue("20") int burst, @DefaultValue("60") int perMinute) {
    }
}
