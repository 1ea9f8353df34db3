package dev.gradstep.derivation;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.SymbolRenamer;
import dev.gradstep.tex.TexParseException;
import dev.gradstep.tex.TexReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a derivation in another notation ({@code z/s} as {@code x/\hat{y}} or {@code \theta/p}) by
 * renaming the symbols its notation names, in every step, part, definition and correct line. The
 * result is a derivation like any other: it reads, checks and exports the same. Explanations are
 * prose; in them only a renamed letter with a subscript ({@code s_i}, {@code dz_j}) is renamed.
 */
public final class NotationChange {

    private final TexReader reader = new TexReader();

    /**
     * The derivation in the target notation. Roles the target leaves out (batch, one-hot class, temperature) keep
     * their symbols.
     *
     * @throws IllegalArgumentException when a target symbol is not a single symbol, or is already
     *     used in the derivation for something else (renaming would merge two symbols)
     */
    public Derivation apply(Derivation d, Notation target) {
        Notation from = d.notation();
        Notation to = new Notation(target.logits(), target.probs(), target.labels(), target.loss(), target.classes(),
                target.batch() != null ? target.batch() : from.batch(),
                target.onehot() != null ? target.onehot() : from.onehot(),
                target.temperature() != null ? target.temperature() : from.temperature());
        Map<String, String> renames = new LinkedHashMap<>();
        role(renames, "logits", from.logits(), to.logits());
        role(renames, "probs", from.probs(), to.probs());
        role(renames, "labels", from.labels(), to.labels());
        role(renames, "loss", from.loss(), to.loss());
        role(renames, "classes", from.classes(), to.classes());
        if (from.batch() != null) {
            role(renames, "batch", from.batch(), to.batch());
        }
        if (from.onehot() != null) {
            role(renames, "onehot", from.onehot(), to.onehot());
        }
        if (from.temperature() != null) {
            role(renames, "temperature", from.temperature(), to.temperature());
        }
        refuseMerges(d, renames);
        List<Step> steps = new ArrayList<>();
        for (Step s : d.steps()) {
            steps.add(renamed(s, renames));
        }
        List<Definition> definitions = new ArrayList<>();
        for (Definition def : d.definitions()) {
            String tex = SymbolRenamer.rename(def.tex(), renames);
            Line line = read(tex, "definition");
            definitions.add(new Definition(tex, (Expr.Sym) line.lhs(), line.rights().get(0), def.sourceLine()));
        }
        return new Derivation(d.id(), d.title(), d.summary(), to, d.assumptions(), steps, d.source(), definitions);
    }

    /** Adds from -> to when they differ; the target must read as one symbol. */
    private void role(Map<String, String> renames, String role, String from, String to) {
        Expr e;
        try {
            e = reader.readExpr(to);
        } catch (TexParseException ex) {
            throw new IllegalArgumentException(role + " '" + to + "' cannot be read: " + ex.getMessage());
        }
        if (!(e instanceof Expr.Sym sym) || !sym.isPlain()) {
            throw new IllegalArgumentException(role + " '" + to + "' must be a single symbol such as x or \\hat{y}");
        }
        if (!sym.name().equals(from)) {
            renames.put(from, to.strip());
        }
    }

    /** A target already in use (and not itself renamed away) would merge two different symbols. */
    private void refuseMerges(Derivation d, Map<String, String> renames) {
        Set<String> used = new LinkedHashSet<>();
        for (String tex : texts(d)) {
            used.addAll(SymbolRenamer.symbols(tex));
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String to : renames.values()) {
            String name = ((Expr.Sym) reader.readExpr(to)).name();
            if (!targets.add(name)) {
                throw new IllegalArgumentException("two roles cannot both be named " + to);
            }
            if (used.contains(name) && !renames.containsKey(name)) {
                throw new IllegalArgumentException("'" + to + "' already means something else in " + d.id()
                        + "; choose another symbol");
            }
        }
    }

    private static List<String> texts(Derivation d) {
        List<String> out = new ArrayList<>();
        for (Step s : d.steps()) {
            out.add(s.tex());
            out.addAll(s.parts().values());
            if (s.mistake() != null) {
                out.add(s.mistake().correctTex());
            }
        }
        d.definitions().forEach(def -> out.add(def.tex()));
        return out;
    }

    private Step renamed(Step s, Map<String, String> renames) {
        String tex = SymbolRenamer.rename(s.tex(), renames);
        Map<String, String> parts = new LinkedHashMap<>();
        s.parts().forEach((k, v) -> parts.put(k, SymbolRenamer.rename(v, renames)));
        Step.Mistake mistake = null;
        if (s.mistake() != null) {
            String correct = SymbolRenamer.rename(s.mistake().correctTex(), renames);
            mistake = new Step.Mistake(correct, prose(s.mistake().explanation(), renames),
                    s.mistake().correctLine() == null ? null : read(correct, "correct line"));
        }
        return new Step(s.number(), tex, read(tex, "step " + s.number()), s.rule(), prose(s.why(), renames), parts,
                mistake, s.sourceLine());
    }

    private Line read(String tex, String what) {
        try {
            return reader.readLine(tex);
        } catch (TexParseException e) {
            throw new IllegalArgumentException("the renamed " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** In prose only a single letter with a subscript is surely a symbol: s_i, dz_j. */
    static String prose(String text, Map<String, String> renames) {
        String out = text;
        for (Map.Entry<String, String> r : renames.entrySet()) {
            if (r.getKey().length() != 1) {
                continue;
            }
            Pattern p = Pattern.compile("(?<![A-Za-z\\\\])(d?)" + Pattern.quote(r.getKey()) + "(?=_)");
            out = p.matcher(out).replaceAll(m -> m.group(1) + Matcher.quoteReplacement("\u0000" + r.getKey() + "\u0000"));
        }
        for (Map.Entry<String, String> r : renames.entrySet()) {
            out = out.replace("\u0000" + r.getKey() + "\u0000", r.getValue());
        }
        return out;
    }
}
