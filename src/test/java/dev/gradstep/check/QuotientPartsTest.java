package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Expr;
import dev.gradstep.tex.TexReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** u' and v' of a quotient-rule step: worked out in index form, then confirmed by Symja's own D. */
class QuotientPartsTest {

    private static SymjaGateway gateway;
    private final QuotientParts parts = new QuotientParts();
    private final TexReader reader = new TexReader();

    @BeforeAll
    static void start() {
        gateway = SymjaGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private Step quotientStep(String u, String v) {
        return new Step(1, "", reader.readLine("\\frac{\\partial s_i}{\\partial z_j} = \\frac{u}{v}"), Rule.QUOTIENT_RULE,
                "", Map.of("u", u, "v", v), null, 1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        e^{z_i}                   | \\delta_{ij} e^{z_i}
        \\sum_{k=1}^{K} e^{z_k}    | e^{z_j}
        \\sum_k e^{z_k}            | e^{z_j}
        e^{z_j}                   | e^{z_j}
        z_i^2                     | 2 z_i \\delta_{ij}
        \\sum_{k=1}^{N} e^{z_k}    | \\sum_{k=1}^{N} \\delta_{kj} e^{z_k}
        """)
    void of_quotientStep_addsIndexFormDerivative(String u, String expected) {
        QuotientParts.Parts p = parts.of(quotientStep(u, "e^{z_i}"), Notation.DEFAULT);
        assertTrue(p.hasDerivatives());
        assertEquals(reader.readExpr(expected), p.exprs().get("u'"), p.shown().get("u'"));
        assertEquals(List.of("u", "u'", "v", "v'"), List.copyOf(p.shown().keySet()));
    }

    @Test
    void of_flagshipQuotientStep_givesDeltaAndTheJthExponential() throws Exception {
        Derivation d = new DerivationLoader().load(Path.of("derivations", "softmax-ce-quotient.yaml"));
        Step step = d.steps().stream().filter(s -> s.rule() == Rule.QUOTIENT_RULE).findFirst().orElseThrow();
        QuotientParts.Parts p = parts.of(step, d.notation());
        assertEquals(reader.readExpr("\\delta_{ij} e^{z_i}"), p.exprs().get("u'"));
        assertEquals(reader.readExpr("e^{z_j}"), p.exprs().get("v'"));
        Optional<String> confirmed = parts.confirm(p, d.notation(), d.definitions(), gateway, Duration.ofSeconds(10));
        assertTrue(confirmed.orElseThrow().startsWith("u' and v' confirmed by Symja"), confirmed.get());
    }

    @Test
    void confirm_wrongDerivative_notConfirmed() {
        QuotientParts.Parts right = parts.of(quotientStep("e^{z_i}", "\\sum_k e^{z_k}"), Notation.DEFAULT);
        Map<String, Expr> exprs = new LinkedHashMap<>(right.exprs());
        exprs.put("v'", reader.readExpr("e^{z_i}"));
        QuotientParts.Parts wrong = new QuotientParts.Parts(right.shown(), right.wrt(), exprs);
        Optional<String> verdict = parts.confirm(wrong, Notation.DEFAULT, List.of(), gateway, Duration.ofSeconds(10));
        assertTrue(verdict.orElseThrow().startsWith("u' and v' not confirmed"), verdict.get());
        assertTrue(verdict.get().contains("v'"), verdict.get());
    }

    @Test
    void of_otherRule_keepsTheFilesPartsOnly() {
        Step step = new Step(1, "", reader.readLine("s_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}"), Rule.DEFINITION, "",
                Map.of("u", "e^{z_i}"), null, 1);
        QuotientParts.Parts p = parts.of(step, Notation.DEFAULT);
        assertFalse(p.hasDerivatives());
        assertEquals(Map.of("u", "e^{z_i}"), p.shown());
    }
}
