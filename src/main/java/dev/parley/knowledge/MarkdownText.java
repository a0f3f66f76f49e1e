package dev.parley.knowledge;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The text a reader sees of a Markdown document, as it is rendered (parsed by commonmark-java): no emphasis marks,
 * link text without its address, an HTML block by its own visible text, code as written, one paragraph a block.
 * commonmark's own text renderer writes links as {@code "text" (url)} and keeps raw HTML, which a reader never sees,
 * so the text is collected here from its parse tree. The seeds folder reads {@code .md} files through it, and the
 * import quotes Markdown answers through it.
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownText() {
    }

    /** The text a reader sees of {@code markdown}, a whole document or a part of one. */
    public static String of(String markdown) {
        var visitor = new TextCollector();
        PARSER.parse(markdown).accept(visitor);
        return visitor.text.toString().strip();
    }

    private static final class TextCollector extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        // Its tags are markup; the text between an opening and a closing tag is a Text node of its own.
        @Override
        public void visit(HtmlInline node) {
        }

        @Override
        public void visit(HtmlBlock node) {
            block(() -> text.append(HtmlPage.textOfFragment(node.getLiteral())));
        }

        @Override
        public void visit(FencedCodeBlock node) {
            block(() -> text.append(node.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            block(() -> text.append(node.getLiteral()));
        }

        @Override
        protected void visitChildren(Node parent) {
            if (parent instanceof Block && parent.getParent() != null) {
                block(() -> super.visitChildren(parent));
            } else {
                super.visitChildren(parent);
            }
        }

        // Blocks are paragraphs apart, as a reader sees them.
        private void block(Runnable content) {
            separate();
            content.run();
            separate();
        }

        private void separate() {
            int length = text.length();
            if (length == 0 || (text.charAt(length - 1) == '\n' && length > 1 && text.charAt(length - 2) == '\n')) {
                return;
            }
            text.append(text.charAt(length - 1) == '\n' ? "\n" : "\n\n");
        }
    }
}
