package dev.parley.importing;

/** Whether a line of text asks something: it ends in a question mark of any script. */
final class QuestionMarks {

    // ? and its full-width form, the Arabic ؟, the Greek question mark (U+037E), the Armenian ՞, the Ethiopic ፧,
    // ‽ and the doubled forms.
    private static final String MARKS = "?？؟;՞፧‽⁇⁈⁉";
    // What may follow the mark: closing quotes and brackets, as in «Comment faire ?» or (why?).
    private static final String CLOSERS = "\"'”’»)]】」』›*_";

    private QuestionMarks() {
    }

    static boolean endsAsQuestion(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || CLOSERS.indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return end > 0 && MARKS.indexOf(text.charAt(end - 1)) >= 0;
    }
}
