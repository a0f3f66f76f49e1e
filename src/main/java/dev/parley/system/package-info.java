/** Cross-cutting configuration: API documentation, limits and the like. */
package dev.parley.system;
