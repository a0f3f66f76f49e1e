/**
 * The site owner's side: the admin API under {@code /api/v1/admin/**} and the {@code /admin} page, behind the admin
 * user of {@code parley.admin.*}.
 */
package dev.parley.admin;
