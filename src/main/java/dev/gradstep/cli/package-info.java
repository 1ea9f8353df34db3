/** The command line over the core: check, export, numbers. Never starts JavaFX. */
package dev.gradstep.cli;
