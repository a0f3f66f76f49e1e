package dev.parley.system;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The headers every response carries, decided in this one place. Every response says {@code nosniff}, so that a
 * browser never runs as script what we serve as something else; the answers of the API, the admin area and every
 * error are {@code no-store} (they hold what users typed and what the admin sees); only the intents listing may be
 * kept, revalidated with its ETag ({@code no-cache}) because a reload changes it. Our own HTML pages carry the
 * Content-Security-Policy and Referrer-Policy their feature declares for them ({@link PageHeaders}).
 */
@Configuration(proxyBeanMethods = false)
class ResponseHeaders {

    static final String INTENTS = "/api/v1/intents";
    private static final String NOT_KEPT = "no-store";
    private static final String REVALIDATE = "no-cache";

    /** What every response carries. */
    static void addTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** What an error the container writes itself carries ({@link ProblemReportValve}), like every other error. */
    static void addToError(HttpServletResponse response) {
        addTo(response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, NOT_KEPT);
    }

    @Bean
    FilterRegistrationBean<HeadersFilter> responseHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new HeadersFilter());
        // Before everything else, Spring Security included, and on error dispatches too, so no answer lacks them.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }

    /**
     * One filter for every page's policy, by exact path. It runs after Spring Security, as each page's own filter
     * did: a page the admin chain refuses is answered without the page's policy.
     */
    @Bean
    FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter(List<PageHeaders> pages) {
        var byPath = new HashMap<String, PageHeaders>();
        for (PageHeaders page : pages) {
            for (String path : page.paths()) {
                if (byPath.putIfAbsent(path, page) != null) {
                    throw new IllegalStateException("Two page policies for " + path);
                }
            }
        }
        var registration = new FilterRegistrationBean<>(new PageHeadersFilter(Map.copyOf(byPath)));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> intentsEtagFilter() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(INTENTS, INTENTS + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class PageHeadersFilter extends OncePerRequestFilter {

        private final Map<String, PageHeaders> byPath;

        PageHeadersFilter(Map<String, PageHeaders> byPath) {
            this.byPath = byPath;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            PageHeaders page = byPath.get(request.getRequestURI());
            if (page != null) {
                response.setHeader("Content-Security-Policy", page.contentSecurityPolicy());
                response.setHeader("Referrer-Policy", page.referrerPolicy());
            }
            chain.doFilter(request, response);
        }
    }

    static final class HeadersFilter extends OncePerRequestFilter {


        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            addTo(response);
            Optional<String> cacheControl = cacheControl(request);
            cacheControl.ifPresent(value -> response.setHeader(HttpHeaders.CACHE_CONTROL, value));
            // The status is not known yet; an error on a path that may be kept (an unknown intent) is still an error.
            boolean mayBeKept = cacheControl.filter(REVALIDATE::equals).isPresent();
            chain.doFilter(request, mayBeKept ? new ErrorsAreNotKept(response) : response);
        }

        private static Optional<String> cacheControl(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                return Optional.of(NOT_KEPT);
            }
            if ("GET".equals(request.getMethod()) && (path.equals(INTENTS) || path.startsWith(INTENTS + "/"))) {
                return Optional.of(REVALIDATE);
            }
            if (path.startsWith("/api/") || path.equals("/admin") || path.startsWith("/admin/")) {
                return Optional.of(NOT_KEPT);
            }
            return Optional.empty();
        }
    }

    /** Turns a response that may be kept into one that may not as soon as it becomes an error. */
    static final class ErrorsAreNotKept extends HttpServletResponseWrapper {

        ErrorsAreNotKept(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            notKeptIfError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            notKeptIfError(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            notKeptIfError(status);
            super.sendError(status, message);
        }

        private void notKeptIfError(int status) {
            if (status >= 400) {
                setHeader(HttpHeaders.CACHE_CONTROL, NOT_KEPT);
            }
        }
    }
}
