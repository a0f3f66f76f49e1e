/** Serving the embeddable chat widget (the files are under src/main/resources/static) and its demo pages. */
package dev.parley.widget;
