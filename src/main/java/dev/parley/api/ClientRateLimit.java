package dev.parley.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.parley.system.ClientAddress;
import dev.parley.system.ProblemResponses;
import dev.parley.system.QuestionAllowance;
import dev.parley.system.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The limit per client address on the controllers marked {@link LimitedPerClient} (ask and feedback: each costs a
 * classification or a stored row, so one client could otherwise starve the others and fill the disk; the chat draws
 * on the same {@link QuestionAllowance}), answered with
 * 429 and {@code Retry-After} before the body is read. It is decided on the handler Spring MVC picked, not on the
 * path as sent, so no spelling of a path ({@code /api/v1//ask}, {@code %61sk}) goes around it. The intents listing
 * is not limited: it stores nothing, its reply is the same for everyone and may be cached in front of the server.
 */
@Configuration(proxyBeanMethods = false)
class ClientRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final QuestionAllowance allowance;
    private final ProblemResponses problems;

    ClientRateLimit(QuestionAllowance allowance, ProblemResponses problems) {
        this.allowance = allowance;
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (allowance.enabled()) {
            registry.addInterceptor(this);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(LimitedPerClient.class)) {
            return true;
        }
        var take = allowance.take(ClientAddress.of(request).limitKey());
        if (!take.taken()) {
            TooManyRequests.send(problems, request, response, take.retryAfter(), "Too many requests from your address");
            return false;
        }
        return true;
    }
}
