/**
 * Cross-cutting configuration: the one error path (problems made by {@code ProblemResponses}, answered by the one
 * exception handler, written by filters and by the container's last resorts), the response headers and each page's
 * policy, request-body limits and strict UTF-8, client addresses and rate-limit buckets, the settings check that
 * refuses unknown {@code parley.*} keys, JSON and the API documentation.
 */
package dev.parley.system;
