package dev.parley.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.parley.ParleyCommandLine;

/**
 * One run of a jar command ({@code evaluate}, {@code import}, ...) in this JVM, with what it printed: the command's
 * own output and errors, apart from logging, which a command test must not have to parse around.
 */
public record CommandRun(int exit, String out, String err) {

    public static CommandRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = ParleyCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Both streams, for an assertion's description. */
    public String output() {
        return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
