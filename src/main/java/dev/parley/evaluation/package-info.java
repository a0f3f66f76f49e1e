/** Measures answer quality: held-out evaluation, cross-validation, threshold selection and the command line. */
package dev.parley.evaluation;
