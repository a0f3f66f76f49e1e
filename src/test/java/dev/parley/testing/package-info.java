/** Test fixtures shared by the tests of several features. */
package dev.parley.testing;
