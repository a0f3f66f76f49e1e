package dev.parley.chat;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Refuses the handshake of a page whose origin may not chat (403), and has the refusal logged. */
class OriginCheck implements HandshakeInterceptor {

    private final ChatOrigins origins;

    OriginCheck(ChatOrigins origins) {
        this.origins = origins;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (origins.allows(request)) {
            return true;
        }
        origins.refused(request);
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
