package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.conversation.Exchange;
import dev.parley.conversation.ExchangeLog;
import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** The privacy switch: with {@code parley.history.store-question-text=false} no question text reaches the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.history.store-question-text=false")
class QuestionTextSwitchTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient database;
    @Autowired
    ExchangeLog exchangeLog;

    @Test
    void keepsNoQuestionTextInEitherColumnButEverythingElse() {
        var api = ApiClient.anonymous(port);
        String session = "private-" + UUID.randomUUID();
        JsonNode answered = api.replyTo("Who can refer cases to the ICC?", session);
        JsonNode fallback = api.replyTo("my passport number is X1234567, what is the weather?", session);

        var rows = new StoredRows(database);
        assertThat(rows.count("select count(*) from exchange where session_id = ?", session)).isEqualTo(2);
        assertThat(rows.count("select count(*) from exchange where question is not null "
                + "or normalized_question is not null")).isZero();
        assertThat(rows.exchange(answered.get("answerId").asString())).containsEntry("intent_id", "icc-referral")
                .containsEntry("confidence", answered.get("confidence").asDouble())
                .containsEntry("channel", "REST").containsEntry("fallback", false);
        assertThat(rows.exchange(fallback.get("answerId").asString())).containsEntry("fallback", true);
    }

    @Test
    void feedbackAndTheExportStillWorkWithoutTheText() throws Exception {
        var api = ApiClient.anonymous(port);
        var admin = ApiClient.asAdmin(port);
        String session = "private-" + UUID.randomUUID();
        String answerId = api.replyTo("what does the UNHCR do?", session).get("answerId").asString();

        assertThat(api.feedback(answerId, false, "My name is Ana and I live at 3 Rue X").status()).isEqualTo(204);
        assertThat(admin.exportCsv("").body()).contains(answerId).doesNotContain("UNHCR do").doesNotContain("Ana");
        assertThat(new StoredRows(database).feedback(answerId)).hasValueSatisfying(row -> assertThat(row)
                .as("the verdict is kept, the free text is not").containsEntry("helpful", false)
                .containsEntry("comment", null));
        assertThat(exchangeLog.recentTurns(session, Instant.now().minusSeconds(60), 5))
                .extracting(Exchange::intent, Exchange::question).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unhcr", null));
    }
}
