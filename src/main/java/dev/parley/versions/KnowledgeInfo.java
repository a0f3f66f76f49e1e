package dev.parley.versions;

import java.util.LinkedHashMap;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.ServedVersion;

/**
 * {@code knowledge.version}, {@code .publishedAt}, {@code .intents} and {@code .classifier} in
 * {@code GET /actuator/info}: what an operator compares across instances, and what each stored exchange names.
 */
final class KnowledgeInfo implements InfoContributor {

    private final ActiveKnowledge active;

    KnowledgeInfo(ActiveKnowledge active) {
        this.active = active;
    }

    @Override
    public void contribute(Info.Builder builder) {
        ActiveKnowledge.InService serving = active.inService();
        ServedVersion version = serving.version();
        var knowledge = new LinkedHashMap<String, Object>();
        knowledge.put("version", version.version());
        knowledge.put("publishedAt", version.publishedAt().toString());
        knowledge.put("intents", version.intents());
        knowledge.put("classifier", serving.trained().kind().settingName());
        builder.withDetail("knowledge", knowledge);
    }
}
