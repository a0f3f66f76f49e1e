package dev.parley.importing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.parley.commandline.KnowledgeFolders;
import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar parley.jar export [FILE]}: the intents as a question/answer table that {@code import} reads back
 * into the same questions, examples and answers: a row per question and example, its intent's answer beside it, and
 * the link of its source, if any.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the intents as a Question,Answer,Source table: a row for each",
                "intent's question and each of its examples, with the intent's answer and",
                "its source's link, if any. The import reads it back into the same",
                "questions, examples and answers (follow-ups and tags are not kept). The",
                "intents are validated first, as the server's start-up does."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Where to write the table (never over an existing file); standard output without it.")
    Path file;

    @Option(names = "--format", paramLabel = "csv|tsv",
            description = "csv (the default, or what FILE's extension says) or tsv.")
    String format;

    @Mixin
    KnowledgeFolders folders;

    @Override
    public Integer call() throws IOException {
        char delimiter = delimiter();
        KnowledgeBase knowledge = folders.knowledge().load();
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            print(knowledge, delimiter, out);
            out.flush();
            return 0;
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists already: give another file name, or remove it");
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            print(knowledge, delimiter, out);
        }
        spec.commandLine().getErr().printf("Wrote %d intent(s) to %s%n", knowledge.size(), file);
        return 0;
    }

    private char delimiter() {
        String name = format != null ? format.toLowerCase(Locale.ROOT)
                : file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? "tsv"
                : "csv";
        return switch (name) {
            case "csv" -> ',';
            case "tsv" -> '\t';
            default -> throw new ParameterException(spec.commandLine(),
                    "Unknown format '" + format + "'; available: csv, tsv");
        };
    }

    private static void print(KnowledgeBase knowledge, char delimiter, Appendable out) throws IOException {
        CSVFormat table = CSVFormat.RFC4180.builder().setDelimiter(delimiter)
                .setHeader("Question", "Answer", "Source").get();
        // not closed: standard output stays open for whoever runs the command
        var printer = new CSVPrinter(out, table);
        for (Intent intent : knowledge.intents()) {
            String link = intent.source().flatMap(source -> source.linkIn(knowledge.document(source.document())))
                    .orElse("");
            printer.printRecord(intent.question(), intent.answer(), link);
            for (String example : intent.examples()) {
                printer.printRecord(example, intent.answer(), link);
            }
        }
        printer.flush();
    }
}
