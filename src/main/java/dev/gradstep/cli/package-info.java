/** The command line over the core: check, export, numbers. */
package dev.gradstep.cli;
