/** The blend of the two engines, each calibrated on its own, which the bot serves by default. */
package dev.parley.nlu.hybrid;
