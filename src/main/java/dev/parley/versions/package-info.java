/** Knowledge versions: the knowledge published once in the database and served by every instance. */
package dev.parley.versions;
