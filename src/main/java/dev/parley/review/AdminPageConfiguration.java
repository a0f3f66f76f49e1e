package dev.parley.review;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the admin page ({@code static/admin/index.html}) at {@code /admin} and {@code /admin/}, under a strict
 * Content-Security-Policy: only its own scripts and styles, no inline code, no framing. The security chain in front
 * of it asks for the admin user.
 */
@Configuration(proxyBeanMethods = false)
class AdminPageConfiguration implements WebMvcConfigurer {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> PAGES = Set.of("/admin", "/admin/", "/admin/index.html");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/admin").setViewName("forward:/admin/index.html");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminPagePolicy() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (PAGES.contains(request.getRequestURI())) {
                    response.setHeader("Content-Security-Policy", POLICY);
                    response.setHeader("Referrer-Policy", "same-origin");
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }
}
