package dev.gradstep.derivation;

import java.nio.file.Path;
import java.util.List;

/** Reads derivation files (YAML). Problems are reported with file:line; other files still load. */
public final class DerivationLoader {

    /** A loaded library: the derivations that read cleanly and the problems of those that did not. */
    public record Library(List<Derivation> derivations, List<LoadProblem> problems) {
        public Library {
            derivations = List.copyOf(derivations);
            problems = List.copyOf(problems);
        }
    }

    /** A problem in a file: where, and what. */
    public record LoadProblem(String source, int line, int column, String message) {
        public String describe() {
            return source + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
        }
    }

    /** Thrown by {@link #load(Path)} / {@link #parse} for a file that cannot be used. */
    public static final class LoadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<LoadProblem> problems;

        public LoadException(List<LoadProblem> problems) {
            super(problems.isEmpty() ? "cannot load" : problems.get(0).describe());
            this.problems = List.copyOf(problems);
        }

        public List<LoadProblem> problems() {
            return problems;
        }
    }

    public Derivation load(Path file) throws LoadException {
        throw new IllegalStateException("pending: loader");
    }

    public Derivation parse(String text, String source) throws LoadException {
        throw new IllegalStateException("pending: loader");
    }

    /** Every {@code *.yaml} in a folder, sorted by file name. */
    public Library loadFolder(Path folder) {
        throw new IllegalStateException("pending: loader");
    }

    /** The derivations bundled with the program (the {@code derivations/} resources). */
    public Library loadBundled() {
        throw new IllegalStateException("pending: loader");
    }
}
