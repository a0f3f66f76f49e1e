/**
 * Bringing in an FAQ a site already has ({@code java -jar parley.jar import}): each {@link dev.parley.importing.FaqFormat}
 * reads a kind of file into questions and answers, which become intent files quoting the source, copied into the
 * seeds folder.
 */
package dev.parley.importing;
