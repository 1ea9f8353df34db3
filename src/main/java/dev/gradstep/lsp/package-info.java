/**
 * The language server ({@code gradstep lsp}): editors send a student's .tex or .md derivation as it
 * is typed and get each wrong line marked with its counterexample and hint, hovers on every
 * {@code =}, and the correction as a code action. It uses check, tex, derivation and cas through
 * their public APIs and never the UI; LSP4J speaks the protocol.
 */
package dev.gradstep.lsp;
