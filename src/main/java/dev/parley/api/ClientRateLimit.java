package dev.parley.api;

import java.util.List;
import java.util.Optional;

import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.parley.system.ClientAddress;
import dev.parley.system.ProblemResponses;
import dev.parley.system.QuestionAllowance;
import dev.parley.system.TooManyRequests;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The limit per client on the controllers marked {@link LimitedPerClient} (ask and feedback: each costs a
 * classification or a stored row, so one client could otherwise starve the others and fill the disk), answered with
 * 429 and {@code Retry-After} before the body is read. The client is its API key when the request sends
 * {@code Authorization: Bearer KEY} ({@link ApiKeys}: the key's own quota; an unknown or revoked key gets 401, never
 * the anonymous quota in silence), and otherwise its address ({@link QuestionAllowance}, which the chat draws on
 * too). Other authorization schemes are no business of the bot API and are ignored.
 *
 * <p>It is decided on the handler Spring MVC picked, not on the path as sent, so no spelling of a path
 * ({@code /api/v1//ask}, {@code %61sk}) goes around it. The intents listing is not limited: it stores nothing, its
 * reply is the same for everyone and may be cached in front of the server.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ClientRateLimit.API_KEY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Optional on ask and feedback: an API key the admin created (POST /api/v1/admin/api-keys). "
                + "With it a request counts against the key's quota; without it, against its address's.")
class ClientRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    /** The name of the API keys' security scheme in the OpenAPI document. */
    static final String API_KEY_SCHEME = "api-key";
    private static final String BEARER = "Bearer ";

    private final QuestionAllowance allowance;
    private final ApiKeys keys;
    private final ProblemResponses problems;

    ClientRateLimit(QuestionAllowance allowance, ApiKeys keys, ProblemResponses problems) {
        this.allowance = allowance;
        this.keys = keys;
        this.problems = problems;
    }

    /**
     * Documents the key as optional on the limited operations: either no credentials or the key
     * ({@code security: [{}, {"api-key": []}]}), which no annotation can say.
     */
    @Bean
    OperationCustomizer apiKeyIsOptional() {
        return (operation, handler) -> {
            if (handler.getBeanType().isAnnotationPresent(LimitedPerClient.class)) {
                operation.setSecurity(List.of(new SecurityRequirement(),
                        new SecurityRequirement().addList(API_KEY_SCHEME)));
            }
            return operation;
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this); // always: a key is checked even when the limit per address is off
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(LimitedPerClient.class)) {
            return true;
        }
        Optional<String> bearer = bearerToken(request);
        if (bearer.isPresent()) {
            Optional<ApiKey> key = keys.find(bearer.get());
            if (key.isEmpty()) {
                problems.write(request, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                        "Unknown API key", "The API key is unknown or has been revoked; send a valid one, or none "
                                + "to be counted by your address.")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
                return false;
            }
            var take = keys.take(key.get());
            if (!take.taken()) {
                TooManyRequests.send(problems, request, response, take.retryAfter(),
                        "Too many requests with this API key (at most " + key.get().requestsPerMinute()
                                + " a minute)");
                return false;
            }
            return true;
        }
        var take = allowance.take(ClientAddress.of(request).limitKey());
        if (!take.taken()) {
            TooManyRequests.send(problems, request, response, take.retryAfter(), "Too many requests from your address");
            return false;
        }
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer} header (the scheme in any case, RFC 9110), "" for the scheme
     * alone; empty without one.
     */
    private static Optional<String> bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.equalsIgnoreCase(BEARER.strip())) {
            return Optional.of("");
        }
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(value.substring(BEARER.length()).strip());
    }
}
