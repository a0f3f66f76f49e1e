/**
 * What is kept of conversations: every exchange and every feedback, in the application's database (an embedded H2
 * file under {@code ./data} by default, PostgreSQL by configuration; schema by Flyway, {@code db/migration}).
 */
package dev.parley.history;
