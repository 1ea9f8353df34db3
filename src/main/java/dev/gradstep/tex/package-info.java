/**
 * LaTeX in and out: {@link dev.gradstep.tex.TexReader} turns the many notations students and
 * textbooks use for the softmax cross-entropy derivation into {@code dev.gradstep.expr} trees, and
 * {@link dev.gradstep.tex.TexWriter} writes trees back as canonical LaTeX that the reader reads to
 * the same tree. Reading errors are always {@link dev.gradstep.tex.TexParseException}.
 */
package dev.gradstep.tex;
