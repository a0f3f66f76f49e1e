package dev.parley.chat;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/chat/access}: whether the calling page may chat. A browser hides why a WebSocket handshake
 * failed, so the widget asks here to tell a refused page ("not available on this page") from a server it cannot
 * reach. Any page may read the answer (CORS {@code *}); it says nothing but the page's own origin and a yes or no.
 */
@RestController
@Tag(name = "Chat", description = "The WebSocket chat at /ws/chat (docs/protocol.md)")
class ChatAccessController {

    private final ChatOrigins origins;

    ChatAccessController(ChatOrigins origins) {
        this.origins = origins;
    }

    /** The answer: the origin the request came from ({@code null} from a program) and whether it may chat. */
    record ChatAccess(String origin, boolean allowed) {
    }

    @Operation(summary = "May the calling page chat?",
            description = "Checks the request's Origin as the chat handshake does (parley.widget.allowed-origins).")
    @CrossOrigin(origins = "*", methods = RequestMethod.GET)
    @GetMapping("/api/v1/chat/access")
    ResponseEntity<ChatAccess> access(HttpServletRequest request) {
        var http = new ServletServerHttpRequest(request);
        return ResponseEntity.ok() // not cached: system/ResponseHeaders marks every /api/ reply no-store
                .body(new ChatAccess(http.getHeaders().getOrigin(), origins.allows(http)));
    }
}
