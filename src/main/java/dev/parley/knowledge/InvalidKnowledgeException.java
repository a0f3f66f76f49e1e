package dev.parley.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The intent files could not be turned into a knowledge base; {@link #problems()} lists every reason. */
public class InvalidKnowledgeException extends RuntimeException {

    private final transient List<IntentProblem> problems;

    public InvalidKnowledgeException(List<IntentProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The same, with the failure that caused them (a file that could not be read), kept for the log. */
    public InvalidKnowledgeException(List<IntentProblem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<IntentProblem> problems() {
        return problems;
    }

    private static String describe(List<IntentProblem> problems) {
        return problems.size() + " problem(s) in the intent files:"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
