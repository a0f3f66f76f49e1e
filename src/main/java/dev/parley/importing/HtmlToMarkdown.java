package dev.parley.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An answer's HTML as short Markdown: paragraphs, lists, bold and italic, links (http, https and mailto only),
 * line breaks; headings inside an answer become bold paragraphs. The HTML is first cleaned by jsoup's
 * {@link Cleaner} with the {@link #SAFE} safelist, so scripts, styles, images, forms, event handlers and
 * {@code javascript:} links are gone before a character of Markdown is written; an element the safelist does not
 * know is dropped and its text kept.
 */
final class HtmlToMarkdown {

    // The block elements are kept so that their text does not run together once cleaned.
    static final Safelist SAFE = new Safelist()
            .addTags("p", "br", "div", "section", "article", "blockquote", "pre", "code", "ul", "ol", "li",
                    "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr",
                    "td", "th", "b", "strong", "i", "em", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto");

    private static final Pattern BLOCK_START = Pattern.compile("^(#{1,6}(?=\\s|$)|>|[-+*](?=\\s)|\\d{1,9}(?=[.)]))");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final String ESCAPED = "\\`*_[]<";
    // Deeper than this, a broken page's nesting is read as plain text: no answer has structure so deep, and the
    // conversion recurses.
    private static final int MAX_DEPTH = 48;

    private HtmlToMarkdown() {
    }

    /**
     * The Markdown of {@code dirty}'s body, cleaned; links relative to the document's base URI are made absolute
     * first.
     */
    static String convert(Document dirty) {
        Document clean = new Cleaner(SAFE).clean(dirty);
        var blocks = new ArrayList<String>();
        blocks(clean.body(), blocks, 0);
        return String.join("\n\n", blocks);
    }

    private static void blocks(Element parent, List<String> blocks, int depth) {
        var inline = new StringBuilder();
        if (depth > MAX_DEPTH) {
            appendText(parent.text(), inline);
            flush(inline, blocks);
            return;
        }
        for (Node child : parent.childNodes()) {
            if (child instanceof Element element && isBlock(element)) {
                flush(inline, blocks);
                block(element, blocks, depth + 1);
            } else {
                inline(child, inline, depth + 1);
            }
        }
        flush(inline, blocks);
    }

    private static void block(Element element, List<String> blocks, int depth) {
        switch (element.normalName()) {
            case "ul", "ol" -> {
                var items = new ArrayList<String>();
                int number = 1;
                for (Element item : element.children()) {
                    var content = new ArrayList<String>();
                    if (item.normalName().equals("li")) {
                        blocks(item, content, depth + 1);
                    } else {
                        block(item, content, depth + 1);
                    }
                    if (content.isEmpty()) {
                        continue;
                    }
                    String marker = element.normalName().equals("ol") ? (number++) + ". " : "- ";
                    String indent = " ".repeat(marker.length());
                    items.add(marker + String.join("\n\n", content).replace("\n", "\n" + indent)
                            .replaceAll("\n +\n", "\n\n"));
                }
                if (!items.isEmpty()) {
                    blocks.add(String.join("\n", items));
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6", "dt" -> {
                var heading = new StringBuilder();
                element.childNodes().forEach(child -> inline(child, heading, depth + 1));
                String text = heading.toString().strip();
                if (!text.isEmpty()) {
                    blocks.add(text.startsWith("**") ? text : "**" + text + "**");
                }
            }
            case "blockquote" -> {
                var quoted = new ArrayList<String>();
                blocks(element, quoted, depth + 1);
                if (!quoted.isEmpty()) {
                    blocks.add("> " + String.join("\n\n", quoted).replace("\n", "\n> "));
                }
            }
            case "pre" -> {
                String code = element.wholeText().strip();
                if (!code.isEmpty()) {
                    String fence = code.contains("```") ? "~~~" : "```";
                    blocks.add(fence + "\n" + code + "\n" + fence);
                }
            }
            default -> blocks(element, blocks, depth + 1);
        }
    }

    private static void inline(Node node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH && node instanceof Element element) {
            appendText(element.text(), out);
        } else if (node instanceof TextNode text) {
            appendText(text.getWholeText(), out);
        } else if (node instanceof Element element) {
            switch (element.normalName()) {
                case "br" -> out.append('\n');
                case "b", "strong" -> wrap(element, "**", out, depth);
                case "i", "em" -> wrap(element, "*", out, depth);
                case "code" -> {
                    String code = element.wholeText().replaceAll("\\s+", " ");
                    if (!code.isBlank()) {
                        String tick = code.contains("`") ? "``" : "`";
                        out.append(tick).append(code.contains("`") ? " " + code + " " : code).append(tick);
                    }
                }
                case "a" -> link(element, out, depth);
                default -> element.childNodes().forEach(child -> inline(child, out, depth + 1));
            }
        }
    }

    private static void link(Element link, StringBuilder out, int depth) {
        var text = new StringBuilder();
        link.childNodes().forEach(child -> inline(child, text, depth + 1));
        String label = text.toString().strip();
        String href = link.attr("href");
        if (href.isEmpty() || label.isEmpty()) {
            out.append(text);
        } else {
            out.append('[').append(label).append("](")
                    .append(href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")).append(')');
        }
    }

    // Emphasis marks must touch the text they mark, so the white space at either end goes outside them.
    private static void wrap(Element element, String mark, StringBuilder out, int depth) {
        var inner = new StringBuilder();
        element.childNodes().forEach(child -> inline(child, inner, depth + 1));
        String text = inner.toString();
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            out.append(text);
            return;
        }
        if (Character.isWhitespace(text.charAt(0))) {
            out.append(' ');
        }
        out.append(mark).append(stripped).append(mark);
        if (Character.isWhitespace(text.charAt(text.length() - 1))) {
            out.append(' ');
        }
    }

    private static void appendText(String text, StringBuilder out) {
        String collapsed = WHITE_SPACE.matcher(text).replaceAll(" ");
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static void flush(StringBuilder inline, List<String> blocks) {
        String paragraph = inline.toString().replaceAll(" *\n *", "\n").replaceAll(" {2,}", " ").strip();
        inline.setLength(0);
        if (paragraph.isEmpty()) {
            return;
        }
        var lines = new ArrayList<String>();
        for (String line : paragraph.split("\n")) {
            // A line that would start a heading, a quote or a list is text here.
            Matcher start = BLOCK_START.matcher(line);
            if (!start.find()) {
                lines.add(line);
            } else if (Character.isDigit(line.charAt(0))) {
                lines.add(line.substring(0, start.end()) + "\\" + line.substring(start.end()));
            } else {
                lines.add("\\" + line);
            }
        }
        // A <br> is a hard line break: a backslash at the end of the line.
        blocks.add(String.join("\\\n", lines));
    }

    private static boolean isBlock(Element element) {
        return !switch (element.normalName()) {
            case "b", "strong", "i", "em", "a", "code", "br" -> true;
            default -> false;
        };
    }
}
