/**
 * What is kept of conversations: every exchange and every feedback, in the application's database (an embedded H2
 * file under {@code ./data} by default, PostgreSQL by configuration; schema by Flyway, {@code db/migration}), how long
 * it is kept (retention), and the admin's CSV export of it.
 */
package dev.parley.history;
