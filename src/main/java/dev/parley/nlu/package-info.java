/** Understanding a question: normalisation, training, intent classification and the fallback decision. */
package dev.parley.nlu;
