/**
 * The expression model shared by every layer: immutable, index-aware trees read from LaTeX,
 * instantiated for concrete sizes, written back out, and handed to the CAS. Depends on nothing.
 */
package dev.gradstep.expr;
