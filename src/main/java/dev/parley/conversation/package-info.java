/** The one conversation service every channel calls: a user message in, a reply out. */
package dev.parley.conversation;
