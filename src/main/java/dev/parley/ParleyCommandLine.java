package dev.parley;

import java.io.PrintWriter;
import java.util.Set;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import dev.parley.evaluation.BenchmarkCommand;
import dev.parley.evaluation.EvaluateCommand;
import dev.parley.importing.ExportCommand;
import dev.parley.importing.ImportCommand;
import dev.parley.nlu.encoder.DjlStaysLocal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jar's commands that run without a server: {@code java -jar parley.jar evaluate|benchmark|import|export ...}. */
@Command(name = "parley", mixinStandardHelpOptions = true,
        subcommands = {EvaluateCommand.class, BenchmarkCommand.class, ImportCommand.class, ExportCommand.class},
        description = "Parley FAQ bot. Without a command it starts the server.")
public final class ParleyCommandLine {

    private static final Set<String> COMMANDS = Set.of("evaluate", "benchmark", "import", "export");

    /** Whether these program arguments ask for a command rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command on standard output and error and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command, printing to {@code out} and {@code err}, and returns its exit code as {@link #run(String[])}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // No Spring context configures logging here; OpenNLP would log every training step. The levels are put back
        // afterwards: logging is one per JVM, and a command run inside another program must not silence it.
        var logging = LoggingSystem.get(ParleyCommandLine.class.getClassLoader());
        LogLevel rootBefore = configuredLevel(logging, LoggingSystem.ROOT_LOGGER_NAME);
        LogLevel djlBefore = configuredLevel(logging, DjlStaysLocal.LOGGER);
        logging.setLogLevel(null, LogLevel.WARN);
        // The encoder's native loader warns that it found no GPU; it needs none.
        logging.setLogLevel(DjlStaysLocal.LOGGER, LogLevel.ERROR);
        try {
            return new CommandLine(new ParleyCommandLine())
                    .setOut(out)
                    .setErr(err)
                    .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                        commandLine.getErr().println("error: " + e.getMessage());
                        return 1;
                    })
                    .execute(args);
        } finally {
            if (rootBefore != null) { // the root logger always has a level; null would be refused
                logging.setLogLevel(null, rootBefore);
            }
            logging.setLogLevel(DjlStaysLocal.LOGGER, djlBefore);
        }
    }

    private static LogLevel configuredLevel(LoggingSystem logging, String logger) {
        var configuration = logging.getLoggerConfiguration(logger);
        return configuration == null ? null : configuration.getConfiguredLevel();
    }
}
