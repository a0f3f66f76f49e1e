package dev.parley.versions;

import java.util.LinkedHashMap;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.ServedVersion;

/** {@code knowledge.version}, {@code .publishedAt} and {@code .intents} in {@code GET /actuator/info}. */
final class KnowledgeInfo implements InfoContributor {

    private final ActiveKnowledge active;

    KnowledgeInfo(ActiveKnowledge active) {
        this.active = active;
    }

    @Override
    public void contribute(Info.Builder builder) {
        ServedVersion version = active.version();
        var knowledge = new LinkedHashMap<String, Object>();
        knowledge.put("version", version.version());
        knowledge.put("publishedAt", version.publishedAt().toString());
        knowledge.put("intents", version.intents());
        builder.withDetail("knowledge", knowledge);
    }
}
