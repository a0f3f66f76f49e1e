package dev.parley.review;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.parley.system.PageHeaders;

/**
 * Serves the admin page ({@code static/admin/index.html}) at {@code /admin} and {@code /admin/}, under a strict
 * Content-Security-Policy: only its own scripts and styles, no inline code, no framing ({@code system.ResponseHeaders}
 * sends it). The security chain in front of it asks for the admin user.
 */
@Configuration(proxyBeanMethods = false)
class AdminPageConfiguration implements WebMvcConfigurer {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/admin").setViewName("forward:/admin/index.html");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    @Bean
    PageHeaders adminPageHeaders() {
        return new PageHeaders(Set.of("/admin", "/admin/", "/admin/index.html"), POLICY, "same-origin");
    }
}
