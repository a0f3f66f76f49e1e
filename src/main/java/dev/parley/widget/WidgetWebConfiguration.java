package dev.parley.widget;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any page load the widget's files. The embed line is a classic script, but it loads the widget's ES modules,
 * and browsers fetch cross-origin modules with CORS. The files are public; who may chat is decided at the WebSocket
 * handshake by {@code parley.widget.allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
class WidgetWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[] {"/widget.js", "/widget/**", "/webjars/**"}) {
            registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD");
        }
    }
}
