/**
 * Understanding a question: the small API every engine serves (a classifier, its prediction, the fallback
 * decision, the calibration it is served with), its settings, and the text rules the engines share. The engines
 * live beneath ({@code maxent}, {@code encoder}, {@code hybrid}) and depend on this package only; {@code training}
 * is the one recipe that makes a served classifier from them.
 */
package dev.parley.nlu;
