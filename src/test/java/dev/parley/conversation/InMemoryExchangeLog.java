package dev.parley.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The exchange log of tests that run the conversation service without a server: a list in memory, the same contract as the database one. */
public final class InMemoryExchangeLog implements ExchangeLog {

    final List<Exchange> exchanges = new ArrayList<>();
    final Map<String, AnswerFeedback> feedback = new HashMap<>();

    @Override
    public synchronized CompletableFuture<Void> record(Exchange exchange) {
        exchanges.add(exchange);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized boolean recordFeedback(AnswerFeedback verdict) {
        if (exchanges.stream().noneMatch(exchange -> exchange.answerId().equals(verdict.answerId()))) {
            return false;
        }
        feedback.put(verdict.answerId(), verdict);
        return true;
    }

    @Override
    public synchronized List<Exchange> recentTurns(String sessionId, Instant since, int limit) {
        return exchanges.stream()
                .filter(exchange -> exchange.sessionId().equals(sessionId) && !exchange.askedAt().isBefore(since))
                .sorted(Comparator.comparing(Exchange::askedAt).reversed())
                .limit(limit)
                .toList();
    }
}
