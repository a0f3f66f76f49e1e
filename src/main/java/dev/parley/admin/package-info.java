/**
 * The admin's sign-in, not the admin's features: the security of {@code /api/v1/admin/**} and the {@code /admin} page
 * (HTTP Basic, the admin user of {@code parley.admin.*}, a lock after failed sign-ins, the built-in password kept to
 * this machine) and the admin API's OpenAPI group, tags and its one 401 ({@link dev.parley.admin.AdminApi}). The
 * endpoints and the page live with their features: {@code review/}, {@code curation/}, {@code history/}.
 */
package dev.parley.admin;
