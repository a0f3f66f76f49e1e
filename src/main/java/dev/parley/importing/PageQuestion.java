package dev.parley.importing;

import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Node;

/**
 * A question found in a page's markup, with the nodes of its answer (still HTML, not yet cleaned) and the id of an
 * anchor at the question, if it has one.
 */
record PageQuestion(String question, List<String> otherQuestions, List<Node> answer, Optional<String> anchor) {

    PageQuestion {
        otherQuestions = List.copyOf(otherQuestions);
        answer = List.copyOf(answer);
    }
}
