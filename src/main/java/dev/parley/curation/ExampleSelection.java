package dev.parley.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.text.Phrasing;

/**
 * Which proposed examples are new to the knowledge base: not an intent's phrasing already, nor one of the questions
 * it does not answer. Texts are compared by the one rule for the same phrasing ({@link Phrasing}), the one the
 * loader applies on reload and the classifier reads by, so "Who gets to send cases to the ICC?" repeats "who gets to send cases to the icc"
 * and is skipped rather than written twice.
 *
 * @param added   the new examples, whitespace tidied, in the order proposed
 * @param skipped the others, each with its reason
 */
record ExampleSelection(List<String> added, List<ProposalResult.SkippedExample> skipped) {

    /**
     * Sorts {@code proposed} examples for {@code intent} into new and skipped.
     *
     * @param examplesOnFile the examples the intent's file holds now, which may be more than the model in service
     *                       was trained on if the file was edited since
     */
    static ExampleSelection of(List<String> proposed, Intent intent, KnowledgeBase knowledge,
                               List<String> examplesOnFile) {
        var owners = new HashMap<String, String>();
        for (Intent other : knowledge.intents()) {
            owners.putIfAbsent(Phrasing.comparable(other.question()), ownerOf(other, intent, "the question"));
            other.examples().forEach(example ->
                    owners.putIfAbsent(Phrasing.comparable(example), ownerOf(other, intent, "an example")));
        }
        examplesOnFile.forEach(example ->
                owners.putIfAbsent(Phrasing.comparable(example), ownerOf(intent, intent, "an example")));
        knowledge.outOfScopeExamples().forEach(example -> owners.putIfAbsent(Phrasing.comparable(example),
                "a question this knowledge base does not answer (intents/_out-of-scope.yaml)"));
        var added = new ArrayList<String>();
        var skipped = new ArrayList<ProposalResult.SkippedExample>();
        var proposedSoFar = new HashSet<String>();
        for (String example : proposed) {
            String words = Phrasing.comparable(example);
            String reason = reasonToSkip(words, owners, proposedSoFar);
            if (reason == null) {
                added.add(tidy(example));
                proposedSoFar.add(words);
            } else {
                skipped.add(new ProposalResult.SkippedExample(example, reason));
            }
        }
        return new ExampleSelection(List.copyOf(added), List.copyOf(skipped));
    }

    private static String reasonToSkip(String words, Map<String, String> owners, HashSet<String> proposedSoFar) {
        if (words.isEmpty()) {
            return "has no letters or digits, so it teaches the classifier nothing";
        }
        if (owners.containsKey(words)) {
            return "is already " + owners.get(words);
        }
        if (proposedSoFar.contains(words)) {
            return "repeats an earlier example of this proposal";
        }
        return null;
    }

    private static String ownerOf(Intent owner, Intent target, String what) {
        return what + " of " + (owner.id().equals(target.id()) ? "this intent" : "intent '" + owner.id() + "'");
    }

    // One line per example in the file: line breaks and runs of spaces inside a question carry no meaning, and
    // invisible characters (NUL, direction overrides, byte-order marks) have no place in a hand-edited file.
    private static String tidy(String example) {
        return example.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\s]]", "").replaceAll("[\\s\\p{Z}]+", " ").strip();
    }
}
