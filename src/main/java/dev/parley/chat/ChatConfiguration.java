package dev.parley.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import dev.parley.conversation.ConversationService;
import dev.parley.system.ProblemResponses;
import dev.parley.system.BucketStores;
import dev.parley.system.QuestionAllowance;
import jakarta.servlet.ServletContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the chat endpoint {@code /ws/chat} with its origin allow-list, its limits per client address, frame size
 * limit and idle timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatConfiguration implements WebSocketConfigurer, ServletContextAware {

    static final String PATH = "/ws/chat";
    /**
     * The container's text buffer per connection, in characters (two bytes each), allocated when the connection
     * opens. The handler takes text in parts of this size and keeps the frame limit itself, so this is no limit;
     * sized as the limit (16,384 characters) it was 32 KB of every idle chat. An ask fits in one part.
     */
    static final int TEXT_BUFFER_CHARS = 1024;
    /** The container's binary buffer per connection, in bytes: binary frames are only answered with an error. */
    static final int BINARY_BUFFER_BYTES = 128;

    private final ChatSocketHandler handler;
    private final ChatOrigins origins;
    private final ClientConnectionLimits limits;
    private final ChatProperties settings;

    ChatConfiguration(ConversationService conversation, ChatSessions sessions, ChatProperties chat,
                      ChatOrigins origins, JsonMapper json, ProblemResponses problems,
                      QuestionAllowance allowance, BucketStores stores, ChatAnswering answering) {
        this.handler = new ChatSocketHandler(conversation, sessions, chat, json, allowance, answering);
        this.origins = origins;
        this.limits = new ClientConnectionLimits(chat, problems, stores);
        this.settings = chat;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Pages of other origins are refused at the handshake (403) unless allowed; the own origin always passes.
        // The per-client limits come first, so a flood is refused before anything else; a later refusal (the origin)
        // gives the connection slot back. OriginCheck decides and logs; Spring adds its own check after it.
        registry.addHandler(limits.releasingSlotsOf(handler), PATH).addInterceptors(limits, new OriginCheck(origins))
                .setAllowedOriginPatterns(origins.patterns().toArray(String[]::new));
    }

    // Not a ServletServerContainerFactoryBean bean: a factory bean may be created while beans are still being
    // registered (Spring Boot's type-exclude filter asks for beans by type), before ChatProperties exists as a bean,
    // and would have to bind the settings a second time. The servlet context exists once the server is created,
    // before this configuration is, so the one bound ChatProperties sets the container's limits here.
    @Override
    public void setServletContext(ServletContext servletContext) {
        var container = new ServletServerContainerFactoryBean();
        container.setServletContext(servletContext);
        container.setMaxTextMessageBufferSize(Math.min(TEXT_BUFFER_CHARS, settings.maxFrameChars()));
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        container.setMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
        container.afterPropertiesSet();
    }
}
