package dev.parley.widget;

import java.util.List;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Deque's axe-core, run in the page as it is now: the WCAG 2.1 A and AA rules, inside open shadow roots too (axe
 * descends into them by itself, so the widget is checked with the page that embeds it).
 */
public final class Accessibility {

    static final List<String> WCAG_21_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    /**
     * What axe found on the page: its violations, one line per element; whether it saw into the widget; and what it
     * could not decide alone (e.g. contrast over a translucent colour), for a person to look at.
     */
    public record Report(List<String> violations, boolean checkedTheWidget, List<String> undecided) {
    }

    public static Report check(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_A_AND_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        List<String> violations = results.getViolations().stream()
                .flatMap(rule -> rule.getNodes().stream().map(node -> describe(rule, node)))
                .toList();
        // A target that names a shadow host and then an element inside it is a check made in the shadow DOM.
        boolean checkedTheWidget = results.getPasses().stream().flatMap(rule -> rule.getNodes().stream())
                .anyMatch(node -> node.getTarget() instanceof List<?> path && !path.isEmpty()
                        && path.get(0) instanceof List<?> inShadow && inShadow.size() > 1
                        && String.valueOf(inShadow.get(0)).contains("parley-widget"));
        List<String> undecided = results.getIncomplete().stream()
                .flatMap(rule -> rule.getNodes().stream().map(node -> describe(rule, node)))
                .toList();
        return new Report(violations, checkedTheWidget, undecided);
    }

    private static String describe(Rule rule, CheckedNode node) {
        return rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + ": "
                + node.getFailureSummary().replace('\n', ' ');
    }
}
