package dev.parley.conversation;

import java.util.List;
import java.util.Set;

/**
 * Signs that a question leans on what was said before: a pronoun or place word pointing back ("who can refer cases
 * <em>there</em>?", "how is <em>it</em> funded?") or an opening such as "what about", "and".
 */
final class FollowUpCues {

    /** Longer questions carry their own subject; context is only tried for short ones. */
    static final int MAX_WORDS = 8;

    private static final Set<String> POINTING_WORDS = Set.of("it", "its", "they", "them", "their", "there", "that",
            "this", "those", "these", "he", "she", "him", "his", "her", "one", "ones", "else", "also");
    private static final Set<String> OPENINGS = Set.of("and", "but", "so", "also", "what about", "how about",
            "and what about", "what of");

    private FollowUpCues() {
    }

    /** Whether normalised words point back to an earlier turn. */
    static boolean pointBack(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        if (words.stream().anyMatch(POINTING_WORDS::contains)) {
            return true;
        }
        String opening = String.join(" ", words.subList(0, Math.min(3, words.size())));
        return OPENINGS.stream().anyMatch(cue -> opening.equals(cue) || opening.startsWith(cue + " "));
    }
}
