package dev.parley.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import dev.parley.knowledge.HtmlPage;

/**
 * The ways a page's markup holds an FAQ, each read into {@link PageQuestion}s: schema.org microdata,
 * {@code <details><summary>}, {@code <dl>}, and question headings. JSON-LD is read with the page itself
 * ({@link HtmlPage#faqJsonLd()}), since the seeds folder's text of the page needs it too.
 */
final class PageStructures {

    private static final int BOLD_QUESTION_LEVEL = 7;
    // An answer found after a heading never runs out of these: they hold one part of a page.
    private static final Set<String> CONTAINERS = Set.of("body", "main", "article", "section", "aside", "nav",
            "header", "footer", "form", "details", "dialog", "table");
    // Nor into these: they are the page's frame, not an answer.
    private static final Set<String> FRAME = Set.of("nav", "header", "footer", "aside", "form");

    private PageStructures() {
    }

    /** Questions of {@code itemtype="https://schema.org/FAQPage"}: each Question's name and accepted answer's text. */
    static List<PageQuestion> microdata(Document page, List<String> skipped) {
        var found = new ArrayList<PageQuestion>();
        Set<Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element faqPage : page.select("[itemscope][itemtype]")) {
            if (!hasType(faqPage, "FAQPage")) {
                continue;
            }
            for (Element question : faqPage.select("[itemscope][itemtype]")) {
                if (question == faqPage || !hasType(question, "Question") || !seen.add(question)) {
                    continue;
                }
                Optional<Element> name = property(question, "name");
                Optional<Element> text = property(question, "acceptedAnswer")
                        .or(() -> property(question, "suggestedAnswer"))
                        .flatMap(answer -> property(answer, "text"));
                if (name.isEmpty() || text.isEmpty()) {
                    skipped.add("a microdata Question without " + (name.isEmpty() ? "a name" : "an answer text"));
                } else if (text.get().normalName().equals("meta")) {
                    skipped.add("'" + value(name.get()) + "': its answer is only in a <meta> tag, which the page "
                            + "does not show");
                } else {
                    found.add(new PageQuestion(value(name.get()), List.of(), List.of(text.get()),
                            anchor(question, name.get())));
                }
            }
        }
        return found;
    }

    /** Each innermost {@code <details>}: its {@code <summary>} asks, the rest answers. */
    static List<PageQuestion> details(Document page) {
        var found = new ArrayList<PageQuestion>();
        for (Element details : page.select("details")) {
            // An outer <details> holding others is a group of questions, not one.
            if (details.select("details").size() > 1) {
                continue;
            }
            Optional<Element> summary = details.children().stream()
                    .filter(child -> child.normalName().equals("summary")).findFirst();
            if (summary.isEmpty()) {
                continue;
            }
            List<Node> answer = details.childNodes().stream().filter(node -> node != summary.get()).toList();
            found.add(new PageQuestion(HtmlPage.textOf(summary.get()), List.of(), answer,
                    anchor(details, summary.get())));
        }
        return found;
    }

    /** Each {@code <dt>} (several before one answer are phrasings of one question) and the {@code <dd>}s after it. */
    static List<PageQuestion> definitionLists(Document page) {
        var found = new ArrayList<PageQuestion>();
        for (Element list : page.select("dl")) {
            if (list.parents().stream().anyMatch(parent -> parent.normalName().equals("dl"))) {
                continue;
            }
            var terms = new ArrayList<Element>();
            var descriptions = new ArrayList<Node>();
            for (Element item : items(list)) {
                if (item.normalName().equals("dt")) {
                    if (!descriptions.isEmpty()) {
                        found.add(term(terms, descriptions));
                        terms.clear();
                        descriptions.clear();
                    }
                    terms.add(item);
                } else if (item.normalName().equals("dd") && !terms.isEmpty()) {
                    descriptions.add(item);
                }
            }
            if (!terms.isEmpty() && !descriptions.isEmpty()) {
                found.add(term(terms, descriptions));
            }
        }
        return found;
    }

    /**
     * Each heading (h1-h6), or paragraph that is all bold, whose text ends in a question mark, answered by what
     * follows it up to the next question or the next heading of the same or a higher level.
     */
    static List<PageQuestion> questionHeadings(Document page) {
        Map<Element, Integer> levels = new IdentityHashMap<>();
        Set<Element> questions = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element : page.body().select("h1, h2, h3, h4, h5, h6, p, div")) {
            int level = level(element);
            if (level > 0) {
                levels.put(element, level);
                if (QuestionMarks.endsAsQuestion(HtmlPage.textOf(element))) {
                    questions.add(element);
                }
            } else if (isBoldQuestion(element)) {
                levels.put(element, BOLD_QUESTION_LEVEL);
                questions.add(element);
            }
        }
        // The lowest level of a stop inside each element (a question stops every answer: 0), so that an answer
        // walks past a whole element without looking inside unless a stop is there.
        Map<Element, Integer> stopInside = new IdentityHashMap<>();
        levels.forEach((element, level) -> {
            int rank = questions.contains(element) ? 0 : level;
            for (Element e = element; e != null; e = e.parent()) {
                Integer known = stopInside.get(e);
                if (known != null && known <= rank) {
                    break;
                }
                stopInside.put(e, rank);
            }
        });
        var found = new ArrayList<PageQuestion>();
        for (Element question : page.body().select("h1, h2, h3, h4, h5, h6, p, div")) {
            if (questions.contains(question)) {
                int level = levels.get(question);
                found.add(new PageQuestion(HtmlPage.textOf(question), List.of(),
                        answerAfter(question, level, levels, questions, stopInside), anchor(question, question)));
            }
        }
        return found;
    }

    private static List<Node> answerAfter(Element question, int level, Map<Element, Integer> levels,
                                          Set<Element> questions, Map<Element, Integer> stopInside) {
        var answer = new ArrayList<Node>();
        Node next = after(question);
        while (next != null) {
            if (next instanceof Element element) {
                if (FRAME.contains(element.normalName()) || questions.contains(element)
                        || levels.getOrDefault(element, Integer.MAX_VALUE) <= level) {
                    break;
                }
                if (stopInside.getOrDefault(element, Integer.MAX_VALUE) <= level) {
                    // The answer ends inside this element: take its children up to the stop.
                    next = element.childNode(0);
                    continue;
                }
            }
            answer.add(next);
            next = after(next);
        }
        return answer;
    }

    private static Node after(Node node) {
        Node current = node;
        while (current.nextSibling() == null) {
            Node parent = current.parentNode();
            if (!(parent instanceof Element element) || CONTAINERS.contains(element.normalName())) {
                return null;
            }
            current = parent;
        }
        return current.nextSibling();
    }

    private static int level(Element element) {
        String name = element.normalName();
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                ? name.charAt(1) - '0' : 0;
    }

    // A paragraph whose whole text is one bold run ending in a question mark: <p><strong>How?</strong></p>.
    private static boolean isBoldQuestion(Element element) {
        if (element.childrenSize() != 1 || !element.ownText().isBlank()) {
            return false;
        }
        Element only = element.child(0);
        return (only.normalName().equals("strong") || only.normalName().equals("b"))
                && QuestionMarks.endsAsQuestion(HtmlPage.textOf(only));
    }

    private static PageQuestion term(List<Element> terms, List<Node> descriptions) {
        List<String> others = terms.stream().skip(1).map(HtmlPage::textOf).toList();
        return new PageQuestion(HtmlPage.textOf(terms.get(0)), others, descriptions, anchor(terms.get(0), terms.get(0)));
    }

    // HTML lets a <dl> group each term and its descriptions in a <div>.
    private static List<Element> items(Element list) {
        var items = new ArrayList<Element>();
        for (Element child : list.children()) {
            if (child.normalName().equals("div")) {
                items.addAll(child.children());
            } else {
                items.add(child);
            }
        }
        return items;
    }

    /** The id that links to a question: its container's, its own, an anchor inside it or just before it. */
    static Optional<String> anchor(Element container, Element question) {
        for (Element element : List.of(container, question)) {
            if (!element.id().isBlank()) {
                return Optional.of(element.id());
            }
        }
        Element inside = question.selectFirst("[id], a[name]");
        if (inside != null) {
            return Optional.of(inside.id().isBlank() ? inside.attr("name") : inside.id());
        }
        Element before = container.previousElementSibling();
        if (before != null && before.normalName().equals("a") && before.text().isBlank()) {
            String id = before.id().isBlank() ? before.attr("name") : before.id();
            if (!id.isBlank()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static boolean hasType(Element element, String type) {
        return Arrays.stream(element.attr("itemtype").trim().split("\\s+"))
                .anyMatch(name -> name.equals(type) || name.endsWith("/" + type));
    }

    // The first element of scope's own (not a nested item's) properties named property.
    private static Optional<Element> property(Element scope, String property) {
        for (Element candidate : scope.select("[itemprop]")) {
            if (candidate == scope
                    || !Arrays.asList(candidate.attr("itemprop").trim().split("\\s+")).contains(property)) {
                continue;
            }
            Element owner = candidate.parent();
            while (owner != null && !owner.hasAttr("itemscope")) {
                owner = owner.parent();
            }
            if (owner == scope) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String value(Element property) {
        return property.normalName().equals("meta") ? property.attr("content").strip() : HtmlPage.textOf(property);
    }
}
