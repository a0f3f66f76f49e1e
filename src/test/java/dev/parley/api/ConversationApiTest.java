package dev.parley.api;

import static dev.parley.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** Conversations over the REST API: clarification, follow-ups, "tell me more" and context across turns. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationApiTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.anonymous(port);
    }

    @Test
    void closeIntentsGetADidYouMeanAndPickingOneAnswersIt() {
        JsonNode reply = ask("what do international organizations do", null);

        assertThat(reply.get("clarification").asBoolean()).isTrue();
        assertThat(reply.get("fallback").asBoolean()).isFalse();
        assertThat(reply.get("intent").isNull()).isTrue();
        assertThat(reply.get("answer").asString()).contains("Did you mean");
        assertThat(reply.get("suggestions").size()).isBetween(2, 3);
        JsonNode candidate = reply.get("suggestions").get(1);

        JsonNode picked = api.ask(body("question", candidate.get("question").asString(),
                "sessionId", reply.get("sessionId").asString(), "intent", candidate.get("intent").asString())).json();

        assertThat(picked.get("clarification").asBoolean()).isFalse();
        assertThat(picked.get("intent").asString()).isEqualTo(candidate.get("intent").asString());
    }

    @Test
    void everyContentAnswerOffersItsFollowUps() {
        JsonNode reply = ask("What does the UNHCR do?", null);

        assertThat(reply.get("suggestions").valueStream().map(s -> s.get("intent").asString()))
                .containsExactly("forced-migration", "iom", "migration-organizations");
        assertThat(reply.get("answerId").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aFollowUpTheSessionWasJustAnsweredIsNotOfferedAgain() {
        String session = ask("What does the International Criminal Court do?", null).get("sessionId").asString();

        JsonNode referral = ask("who can refer cases to the ICC?", session);
        JsonNode alone = ask("who can refer cases to the ICC?", null);

        assertThat(intents(alone.get("suggestions"))).as("icc-referral's follow-ups")
                .containsExactly("icc-role", "legal-action");
        assertThat(referral.get("intent").asString()).isEqualTo("icc-referral");
        assertThat(intents(referral.get("suggestions"))).as("icc-role was answered a turn ago")
                .containsExactly("legal-action");
    }

    @Test
    void theClosestQuestionsOfAFallbackLeaveOutWhatTheSessionWasAnsweredAndOfferTheNextClosest() {
        JsonNode alone = ask("what is the weather in Paris?", null);
        assertThat(alone.get("fallback").asBoolean()).isTrue();
        var closest = intents(alone.get("suggestions"));
        assertThat(closest).hasSize(3);
        String session = alone.get("sessionId").asString();
        JsonNode first = alone.get("suggestions").get(0);
        api.ask(body("question", first.get("question").asString(), "sessionId", session,
                "intent", first.get("intent").asString()));

        JsonNode again = ask("what is the weather in Paris?", session);

        assertThat(again.get("fallback").asBoolean()).isTrue();
        assertThat(intents(again.get("suggestions"))).as("the next closest in the place of the one answered")
                .hasSize(3).doesNotContain(closest.get(0)).startsWith(closest.get(1), closest.get(2));
    }

    @Test
    void aShortFollowUpIsReadInTheLightOfThePreviousAnswer() {
        JsonNode first = ask("What is the European Court of Human Rights?", null);
        String session = first.get("sessionId").asString();
        assertThat(first.get("intent").asString()).isEqualTo("echr");

        JsonNode followUp = ask("and in Africa?", session);
        JsonNode alone = ask("and in Africa?", null);

        assertThat(followUp.get("intent").asString()).isEqualTo("african-union");
        assertThat(alone.get("fallback").asBoolean()).as("the same words without the history").isTrue();
    }

    @Test
    void tellMeMoreContinuesTheLastTopicWithoutRepeatingItself() {
        String session = ask("What does the International Criminal Court do?", null).get("sessionId").asString();

        JsonNode more = ask("tell me more", session);
        JsonNode evenMore = ask("and what else?", session);

        assertThat(more.get("intent").asString()).as("icc-role's first follow-up").isEqualTo("icc-referral");
        assertThat(evenMore.get("intent").asString()).as("icc-referral's follow-ups, icc-role already said")
                .isEqualTo("legal-action");
    }

    @Test
    void tellMeMoreWithNothingToContinueAsksWhatAbout() {
        JsonNode reply = ask("tell me more", null);

        assertThat(reply.get("intent").asString()).isEqualTo("tell-me-more");
        assertThat(reply.get("answer").asString()).contains("What would you like to know more about?");
    }

    @Test
    void aMalformedIntentIsABadRequest() {
        var response = api.ask(body("question", "hi", "intent", "../etc/passwd"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("intent");
    }

    private static java.util.List<String> intents(JsonNode suggestions) {
        return suggestions.valueStream().map(suggestion -> suggestion.get("intent").asString()).toList();
    }

    private JsonNode ask(String question, String session) {
        var response = session == null ? api.ask(body("question", question))
                : api.ask(body("question", question, "sessionId", session));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
