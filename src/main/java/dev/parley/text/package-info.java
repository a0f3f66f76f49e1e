/**
 * The rules for text that several features share, dependency-free: what text anyone may send (questions, comments,
 * proposed examples), and when two texts are the same phrasing.
 */
package dev.parley.text;
