/** The one rule for text anyone sends (questions, comments, proposed examples), shared by every feature. */
package dev.parley.text;
