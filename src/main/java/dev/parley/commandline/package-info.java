/**
 * What the jar's commands ({@code evaluate}, {@code benchmark}, {@code import}, {@code export}) share: the server's
 * own settings read without a server ({@link dev.parley.commandline.ApplicationSettings}), and the options that
 * point a command at them ({@link dev.parley.commandline.SettingOverrides}, {@link
 * dev.parley.commandline.KnowledgeFolders}). The commands themselves live with their features; the root command is
 * {@link dev.parley.ParleyCommandLine}.
 */
package dev.parley.commandline;
