package dev.parley.importing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.parley.commandline.KnowledgeFolders;
import dev.parley.knowledge.KnowledgeProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code java -jar parley.jar import SOURCE...}: an FAQ a site already has, made intent files. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes intent files from an FAQ you already have, quoting a copy of each",
                "source in the seeds folder, and validates the result as the server's",
                "start-up would. Nothing is written unless the whole result is valid; an",
                "existing file is never overwritten. Formats, detected from the file:",
                "  csv, tsv  a question/answer table (.csv, .tsv) with a header row naming",
                "            its Question and Answer columns in any case (QnA Maker's",
                "            Question, Answer, Source, Metadata...; other columns are",
                "            ignored; a Source that is a URL is linked), or rows of just",
                "            a question and an answer (Dialogflow's knowledge CSV). Rows",
                "            with the same answer become one intent: the first row's",
                "            question is its question, the others its examples.",
                "  rasa      a Rasa NLU file (data/nlu.yml) with its domain.yml responses",
                "            (utter_<intent>, or the response a rule or story gives the",
                "            intent). Give the domain and any rules.yml or stories.yml",
                "            after the NLU file; without them, domain.yml is looked for",
                "            beside the NLU file and in the folder above, and rules.yml",
                "            and stories.yml beside it.",
                "  html      an FAQ page (.html, .htm, or a file that starts <!doctype html):",
                "            schema.org FAQPage (JSON-LD or microdata), else <details>,",
                "            <dl> or headings that end in a question mark.",
                "  markdown  a .md document, text a .txt one, with Q:/A: pairs (Markdown",
                "            also headings or bold lines that end in a question mark).",
                "Ids are made from the questions, in any script."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "The files to import.")
    List<Path> sources;

    @Option(names = "--format", paramLabel = "F",
            description = "Read every SOURCE in this format, not the one detected: html, csv, tsv, rasa, markdown, "
                    + "text.")
    String format;

    @Option(names = "--dry-run", description = "Print what would be made and validate it; write nothing.")
    boolean dryRun;

    @Mixin
    KnowledgeFolders folders;

    @Override
    public Integer call() throws IOException {
        KnowledgeProperties settings = folders.knowledge();
        var faqs = new ArrayList<Path>();
        var companions = new ArrayList<Path>();
        for (Path source : sources) {
            if (!Files.isRegularFile(source)) {
                throw new ImportFailure(source + ": no such file");
            }
            String head = FaqFormats.head(source);
            if (FaqFormats.isBinary(head)) {
                throw new ImportFailure(source + ": is a binary file, no table, page or document the import reads"
                        + " (formats: " + FaqFormats.names(FaqFormats.all(List.of())) + ")");
            }
            boolean rasa = format == null || format.equalsIgnoreCase("rasa");
            (rasa && RasaFormat.isCompanion(source, head) ? companions : faqs).add(source);
        }
        List<FaqFormat> formats = FaqFormats.all(companions);
        Optional<FaqFormat> forced = Optional.ofNullable(format).map(name -> FaqFormats.named(name, formats)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown format '" + name
                        + "'; available: " + FaqFormats.names(formats))));
        if (faqs.isEmpty()) {
            throw new ImportFailure(String.join(", ", companions.stream().map(Path::toString).toList())
                    + ": a Rasa domain, rules or stories file is read with its NLU file: give data/nlu.yml too");
        }
        var found = new ArrayList<FoundSource>();
        for (Path source : faqs) {
            FaqFormat reader = forced.or(() -> detect(source, formats)).orElseThrow(() -> new ImportFailure(source
                    + ": cannot tell its format; give --format, one of: " + FaqFormats.names(formats)));
            found.add(read(reader, source));
        }
        if (found.stream().allMatch(source -> source.entries().isEmpty())) {
            PrintWriter out = spec.commandLine().getOut();
            found.forEach(source -> {
                out.printf("%s (%s): no question and answer found%n", source.file(), source.format());
                source.skipped().forEach(reason -> out.println("  skipped " + reason));
            });
            out.flush();
            throw new ImportFailure("found no question and answer to import; nothing was written");
        }
        PrintWriter out = spec.commandLine().getOut();
        Importer.Outcome outcome = new Importer(settings, out).run(found, dryRun);
        out.flush();
        return outcome.valid() ? 0 : 1;
    }

    private static Optional<FaqFormat> detect(Path source, List<FaqFormat> formats) {
        try {
            return FaqFormats.detect(source, FaqFormats.head(source), formats);
        } catch (IOException e) {
            throw new ImportFailure(source + ": cannot be read: " + e.getMessage());
        }
    }

    private static FoundSource read(FaqFormat format, Path source) {
        try {
            return format.read(source);
        } catch (CharacterCodingException e) {
            throw new ImportFailure(source + ": is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)");
        } catch (IOException e) {
            throw new ImportFailure(source + ": cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(source + " (read as " + format.name() + "): " + e.getMessage());
        }
    }

    /** Why nothing was imported: printed as the command's error, exit code 1. */
    static final class ImportFailure extends RuntimeException {
        ImportFailure(String message) {
            super(message);
        }
    }
}
