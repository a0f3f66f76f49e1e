package dev.parley.chat;

import org.springframework.context.ApplicationContext;
import org.springframework.web.socket.CloseStatus;

/** For tests of other packages (the widget's): drop the open chats of a running application, as a shutdown does. */
public final class ChatConnections {

    private ChatConnections() {
    }

    /** Closes every open chat connection with {@code status}; clients are expected to reconnect. */
    public static void closeAll(ApplicationContext context, CloseStatus status) {
        context.getBean(ChatSessions.class).closeAll(status);
    }
}
