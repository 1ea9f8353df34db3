package dev.gradstep.tex;

import java.util.Set;

/** The LaTeX commands the reader knows, shared with the writer so both agree on symbol names. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Commands that read as plain symbols (their name is the command, e.g. {@code \theta}). */
    static final Set<String> SYMBOL_COMMANDS = Set.of(
            "\\alpha", "\\beta", "\\gamma", "\\delta", "\\epsilon", "\\varepsilon", "\\zeta", "\\eta",
            "\\theta", "\\vartheta", "\\iota", "\\kappa", "\\lambda", "\\mu", "\\nu", "\\xi", "\\pi",
            "\\varpi", "\\rho", "\\varrho", "\\sigma", "\\varsigma", "\\tau", "\\upsilon", "\\phi",
            "\\varphi", "\\chi", "\\psi", "\\omega", "\\Gamma", "\\Delta", "\\Theta", "\\Lambda",
            "\\Xi", "\\Pi", "\\Sigma", "\\Upsilon", "\\Phi", "\\Psi", "\\Omega", "\\ell", "\\infty");

    /** Accents that make a new symbol name ({@code \hat{y}} differs from {@code y}); value is canonical. */
    static final java.util.Map<String, String> DECORATIONS = java.util.Map.of(
            "\\hat", "\\hat", "\\widehat", "\\hat", "\\tilde", "\\tilde", "\\widetilde", "\\tilde",
            "\\bar", "\\bar", "\\overline", "\\bar", "\\check", "\\check", "\\mathcal", "\\mathcal");

    /** Font commands that carry no meaning: {@code \mathbf{z}} is {@code z}. */
    static final Set<String> FONTS = Set.of(
            "\\mathbf", "\\boldsymbol", "\\bm", "\\mathbfit", "\\vec", "\\mathrm", "\\mathit", "\\mathsf",
            "\\pmb");

    static final Set<String> FRACTIONS = Set.of("\\frac", "\\dfrac", "\\tfrac");

    /** Explicit multiplication signs. */
    static final Set<String> TIMES = Set.of("\\cdot", "\\times", "\\ast");

    /** Words that introduce or join a trailing condition ({@code \text{for } i \neq j}). */
    static final Set<String> CONDITION_WORDS = Set.of(
            "for", "if", "when", "where", "whenever", "with", "provided", "and", "for all", "if and only if");

    static boolean isSymbolCommand(String name) {
        return SYMBOL_COMMANDS.contains(name);
    }
}
