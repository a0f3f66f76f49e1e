package dev.parley.chat;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The open chats, for an operator (README "Operations"); what is said in them is counted with every question. */
@Component
class ChatMetrics implements MeterBinder {

    private final ChatSessions sessions;
    private final ChatAnswering answering;

    ChatMetrics(ChatSessions sessions, ChatAnswering answering) {
        this.sessions = sessions;
        this.answering = answering;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("parley.chats.open", sessions, ChatSessions::count)
                .description("Chat connections (WebSocket) open now").register(registry);
        Gauge.builder("parley.chat.questions.waiting", answering, ChatAnswering::waiting)
                .description("Chat questions taken and not yet answered").register(registry);
    }
}
