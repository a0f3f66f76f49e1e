package dev.parley.nlu;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.knowledge.MarkdownText;

/**
 * The sentences of an answer as a reader sees them (its Markdown rendered to text, {@link MarkdownText}), one per
 * sentence of each paragraph or list item. An intent with few phrasings learns what it talks about from them
 * ({@link TrainedKnowledge#trainingExamples}).
 */
final class AnswerSentences {

    private AnswerSentences() {
    }

    static List<String> of(String markdown) {
        var sentences = new ArrayList<String>();
        // blocks (paragraphs, list items) are apart by a blank line; a single line break only wraps a sentence
        for (String paragraph : MarkdownText.of(markdown).split("\\n\\s*\\n")) {
            String block = paragraph.replace('\n', ' ');
            BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
            boundaries.setText(block);
            int start = boundaries.first();
            for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
                String sentence = block.substring(start, end).strip();
                if (!Question.of(sentence).words().isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
