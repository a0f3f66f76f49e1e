package dev.parley.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application with its limits per client address on (the rest of the suite runs with them off), small enough
 * to reach in a few requests, and behind a trusted proxy: the tests' own connections (from 127.0.0.1) are that
 * proxy, so each test picks its clients' addresses with {@code X-Forwarded-For} and no test uses up another's
 * allowance. A connection from any other address, such as 127.0.0.2 ({@link RawHttp#from(String)}), is an
 * ordinary client whose {@code X-Forwarded-For} does not count. Every test class with this annotation shares one
 * application context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.api.rate-limit.burst=" + ClientLimitsOn.API_BURST,
        "parley.api.rate-limit.per-minute=1",
        "parley.chat.max-connections-per-client=" + ClientLimitsOn.CHAT_CONNECTIONS,
        "parley.chat.handshakes-per-minute=" + ClientLimitsOn.CHAT_HANDSHAKES,
        "parley.admin.login-throttle.max-failures=10",
        "parley.admin.login-throttle.window=5m",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
public @interface ClientLimitsOn {

    /** Asks and feedbacks per client at once (refilled at one a minute, so not during a test). */
    int API_BURST = 3;
    /** Chat connections one client may hold open. */
    int CHAT_CONNECTIONS = 2;
    /** Chat handshakes one client may make per minute. */
    int CHAT_HANDSHAKES = 12;
}
