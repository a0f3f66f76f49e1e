/** The one training recipe (train, then calibrate) and the trainer that loads the knowledge base and applies it. */
package dev.parley.nlu.training;
