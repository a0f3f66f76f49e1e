/** The OpenNLP maximum-entropy classifier over words, stems and character n-grams: knows the examples' exact words. */
package dev.parley.nlu.maxent;
