/**
 * The one door to the computer algebra system (Symja): a single worker thread owns the engine,
 * input is checked against a whitelist of heads before it is evaluated, and every answer is a
 * typed result with a time limit and size caps. No other package imports Symja.
 */
package dev.gradstep.cas;
