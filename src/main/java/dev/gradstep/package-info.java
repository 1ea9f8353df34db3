/** GradStep: the launcher that opens the app or runs the command line. */
package dev.gradstep;
