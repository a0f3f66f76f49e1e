package dev.parley.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The formats the import reads, in one list: the order in which they are asked whether they recognise a file. */
final class FaqFormats {

    private static final int HEAD_BYTES = 4096;

    private FaqFormats() {
    }

    /**
     * Every format, with the companion files given on the command line: a Rasa domain, rules or stories file is read
     * with the NLU file beside it ({@link RasaFormat#isCompanion}), not as an FAQ of its own.
     */
    static List<FaqFormat> all(List<Path> companions) {
        // a page first: it is recognised by its start whatever its name, and wins over every other format
        return List.of(
                new HtmlFaqFormat(),
                TableFormat.csv(),
                TableFormat.tsv(),
                new RasaFormat(companions),
                new MarkdownFaqFormat(),
                new TextFaqFormat());
    }

    /** The format {@code --format} names, in any case. */
    static Optional<FaqFormat> named(String name, List<FaqFormat> formats) {
        return formats.stream().filter(format -> format.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The names of the formats, for messages that list them. */
    static String names(List<FaqFormat> formats) {
        return String.join(", ", formats.stream().map(FaqFormat::name).toList());
    }

    /** The first format that recognises {@code file} from its name and its head ({@link #head}). */
    static Optional<FaqFormat> detect(Path file, String head, List<FaqFormat> formats) {
        return formats.stream().filter(format -> format.recognises(file, head)).findFirst();
    }

    /** The first few KB of a file as text, a broken UTF-8 sequence (a cut at the end) replaced, not refused. */
    static String head(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(HEAD_BYTES);
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Whether a head shows a binary file: NUL characters stand in no text a site owner exports. */
    static boolean isBinary(String head) {
        return head.indexOf('\0') >= 0;
    }
}
