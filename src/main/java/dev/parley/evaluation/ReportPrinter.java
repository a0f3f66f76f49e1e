package dev.parley.evaluation;

import java.io.PrintWriter;

import dev.parley.nlu.FallbackPolicy;

/** Writes an evaluation report for people to read. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(PrintWriter out, String name, EvaluationReport report, FallbackPolicy policy) {
        out.printf("Evaluation of %s: %d questions (%d in scope, %d out of scope)%n", name, report.count(),
                report.inScopeCount(), report.outOfScopeCount());
        out.printf("  fallback policy      min-confidence %.2f, min-margin %.3f%n", policy.minConfidence(),
                policy.minMargin());
        out.printf("  in-scope accuracy    %5.1f%%%n", 100 * report.inScopeAccuracy());
        out.printf("  out-of-scope recall  %5.1f%%%n", 100 * report.oosRecall());
        out.printf("  out-of-scope prec.   %5.1f%%%n", 100 * report.oosPrecision());
        out.printf("  false fallback rate  %5.1f%%%n", 100 * report.falseFallbackRate());
        out.printf("  macro-F1             %5.1f%%%n", 100 * report.macroF1());
        out.printf("  calibration error    %5.3f (expected calibration error of the confidence)%n",
                report.calibrationError());
        if (!report.worstConfusions().isEmpty()) {
            out.println("Worst confusions (expected -> given):");
            report.worstConfusions().forEach(c -> out.printf("  %3d  %s -> %s   e.g. \"%s\"%n", c.count(),
                    c.expected(), c.given(), c.example()));
        }
    }
}
