/**
 * Derivations written out for use elsewhere: a compilable LaTeX document or align* snippet, and
 * Markdown, plus atomic file writing. Plain text only; typesetting lives in the UI.
 */
package dev.gradstep.export;
