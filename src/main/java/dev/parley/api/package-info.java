/** The versioned REST bot API ({@code /api/v1}) for programs, with RFC 9457 problem details for every error. */
package dev.parley.api;
