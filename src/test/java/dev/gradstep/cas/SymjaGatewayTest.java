package dev.gradstep.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's contract: typed results, refusals before evaluation, time limits that hold. */
class SymjaGatewayTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static SymjaGateway gateway;

    @BeforeAll
    static void startEngine() {
        gateway = SymjaGateway.start();
        gateway.whenReady().join();
    }

    @AfterAll
    static void stopEngine() {
        gateway.close();
    }

    private static Expr.Sym z(int i) {
        return Expr.Sym.indexed("z", Expr.Num.of(i));
    }

    /** s_i at K = 3 in terms of the logits. */
    private static Expr softmax(int i) {
        return Exprs.div(new Expr.Exp(z(i)), Exprs.add(List.of(new Expr.Exp(z(1)), new Expr.Exp(z(2)), new Expr.Exp(z(3)))));
    }

    @Test
    void whenReady_afterStart_completesAndReportsReady() {
        assertTrue(gateway.isReady());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        D[Exp[x]*x, x]                 | E^x+E^x*x
        PowerExpand[Log[Exp[x]]]       | x
        Expand[(a + b)^2]              | a^2+2*a*b+b^2
        Together[1/a + 1/b]            | (a+b)/(a*b)
        """)
    void evaluate_whitelistedInput_givesValue(String input, String expected) {
        CasResult r = gateway.evaluate(input, LIMIT);
        assertEquals(new CasResult.Ok(expected), r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        URLFetch["http://127.0.0.1:9/"]          | URLFetch
        Import["/etc/passwd"]                    | Import
        $HomeDirectory                           | $HomeDirectory
        $UserName                                | $UserName
        Set[x, 1]                                | Set
        x = 1                                    | Set
        Do[x, {i, 1, 10^9}]                      | Do
        Module[{a}, a]                           | Module
        JavaNew["java.io.File", "x"]             | JavaNew
        Exp[Print[1]]                            | Print
        D[f[x], x]                               | f
        Plus[x, "text"]                          | text
        Null                                     | Null
        """)
    void evaluate_forbiddenHeadOrSymbol_refusedNamingIt(String input, String named) {
        CasResult r = gateway.evaluate(input, LIMIT);
        CasResult.Error e = assertInstanceOf(CasResult.Error.class, r, String.valueOf(r));
        assertTrue(e.message().startsWith("refused"), e.message());
        assertTrue(e.message().contains(named), e.message());
    }

    @Test
    void evaluate_syntaxError_isErrorNotException() {
        CasResult r = gateway.evaluate("Plus[x,", LIMIT);
        CasResult.Error e = assertInstanceOf(CasResult.Error.class, r);
        assertTrue(e.message().contains("not valid"), e.message());
    }

    @Test
    void evaluate_overlongInput_refusedBeforeParsing() {
        CasResult r = gateway.evaluate("x+".repeat(300_000) + "x", LIMIT);
        CasResult.Error e = assertInstanceOf(CasResult.Error.class, r);
        assertTrue(e.message().contains("too long"), e.message());
    }

    @Test
    void evaluate_deeplyNestedInput_refusedNotOverflowing() {
        CasResult r = gateway.evaluate("Exp[".repeat(5_000) + "x" + "]".repeat(5_000), LIMIT);
        assertInstanceOf(CasResult.Error.class, r, String.valueOf(r));
        assertEquals(new CasResult.Ok("2*x"), gateway.evaluate("D[x^2, x]", LIMIT));
    }

    @Test
    void evaluate_runawayWork_abortedAtTimeLimitAndEngineStillAnswers() {
        long t0 = System.nanoTime();
        // four variables: about 4 s of work, and no other test warms Symja's caches with it
        CasResult r = gateway.evaluate("Factor[Expand[(a+b+c+d)^40 - (a-b+c+d)^40]]", Duration.ofMillis(300));
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        CasResult.Aborted a = assertInstanceOf(CasResult.Aborted.class, r, String.valueOf(r));
        assertTrue(a.reason().contains("time limit"), a.reason());
        assertTrue(elapsedMs < 5_000, "returned after " + elapsedMs + " ms");
        assertEquals(new CasResult.Ok("2*x"), gateway.evaluate("D[x^2, x]", LIMIT));
    }

    @Test
    void proveZero_cancelledWhileRunning_stopsSoonAndEngineStillAnswers() {
        // (a+b+c)^40 - (a-b+c)^40 is not zero, and putting it over one denominator takes seconds
        Expr a = new Expr.Sym("a");
        Expr b = new Expr.Sym("b");
        Expr c = new Expr.Sym("c");
        Expr slow = Exprs.sub(new Expr.Pow(Exprs.add(List.of(a, b, c)), new Expr.Num(java.math.BigDecimal.valueOf(40))),
                new Expr.Pow(Exprs.add(List.of(a, Exprs.neg(b), c)), new Expr.Num(java.math.BigDecimal.valueOf(40))));
        long t0 = System.nanoTime();
        java.util.function.BooleanSupplier cancelled = () -> System.nanoTime() - t0 > 200_000_000L;
        Proof p = gateway.proveZero(slow, Duration.ofSeconds(30), cancelled);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Proof.Status.ABORTED, p.status(), p.detail());
        assertEquals("cancelled", p.detail());
        assertTrue(elapsedMs < 5_000, "returned after " + elapsedMs + " ms, not soon after the cancel at 200 ms");
        assertEquals(new CasResult.Ok("2*x"), gateway.evaluate("D[x^2, x]", LIMIT));
    }

    @Test
    void evaluate_hugeExpansion_abortedBySizeCap() {
        CasResult r = gateway.evaluate("Expand[(a+b+c+d+e+f+g)^24]", LIMIT);
        CasResult.Aborted a = assertInstanceOf(CasResult.Aborted.class, r, String.valueOf(r));
        assertTrue(a.reason().contains("size cap"), a.reason());
    }

    @Test
    void proveZero_softmaxJacobianDiagonal_proved() {
        Expr s1 = softmax(1);
        Expr derivative = Exprs.sub(Exprs.div(new Expr.Exp(z(1)), Exprs.add(List.of(new Expr.Exp(z(1)), new Expr.Exp(z(2)), new Expr.Exp(z(3))))),
                new Expr.Pow(s1, Expr.Num.of(2)));
        Proof p = gateway.confirmDerivative(s1, z(1), Exprs.mul(s1, Exprs.sub(Exprs.ONE, s1)), LIMIT);
        assertEquals(Proof.Status.PROVED, p.status(), p.detail());
        assertEquals(Proof.Status.PROVED, gateway.proveZero(Exprs.sub(derivative, Exprs.mul(s1, Exprs.sub(Exprs.ONE, s1))), LIMIT).status());
    }

    @Test
    void proveZero_logOfSoftmax_provedAfterExpandingTheLog() {
        Expr logS = new Expr.Log(softmax(2));
        Expr lse = Exprs.sub(z(2), new Expr.Log(Exprs.add(List.of(new Expr.Exp(z(1)), new Expr.Exp(z(2)), new Expr.Exp(z(3))))));
        assertEquals(Proof.Status.PROVED, gateway.proveZero(Exprs.sub(logS, lse), LIMIT).status());
    }

    @Test
    void proveZero_wrongSign_notProved() {
        Expr s1 = softmax(1);
        Proof p = gateway.confirmDerivative(s1, z(1), Exprs.mul(s1, Exprs.sub(s1, Exprs.ONE)), LIMIT);
        assertEquals(Proof.Status.NOT_PROVED, p.status(), p.detail());
    }

    @Test
    void proveZero_decimalsAreExact_notRounded() {
        Expr x = new Expr.Sym("x");
        Expr almost = Exprs.sub(Exprs.mul(new Expr.Num(new java.math.BigDecimal("0.1")), x),
                Exprs.mul(new Expr.Num(new java.math.BigDecimal("0.1000000000000000000000000000001")), x));
        assertEquals(Proof.Status.NOT_PROVED, gateway.proveZero(almost, LIMIT).status());
        Expr exact = Exprs.sub(Exprs.mul(new Expr.Num(new java.math.BigDecimal("0.25")), x), Exprs.div(x, Expr.Num.of(4)));
        assertEquals(Proof.Status.PROVED, gateway.proveZero(exact, LIMIT).status());
    }

    @Test
    void proveZero_notConcrete_isErrorNotException() {
        Expr sum = new Expr.Sum("k", null, null, dev.gradstep.expr.Condition.ALWAYS, z(1));
        assertEquals(Proof.Status.ERROR, gateway.proveZero(sum, LIMIT).status());
    }

    @Test
    void evaluate_onTheJavaFxThread_refusedLoudly() throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread fx = new Thread(() -> {
            try {
                gateway.evaluate("D[x^2, x]", LIMIT);
            } catch (IllegalStateException e) {
                thrown[0] = e;
            }
        }, "JavaFX Application Thread");
        fx.start();
        fx.join();
        assertInstanceOf(IllegalStateException.class, thrown[0]);
    }

    @Test
    void evaluate_afterClose_isError() {
        SymjaGateway other = SymjaGateway.start();
        other.close();
        assertInstanceOf(CasResult.Error.class, other.evaluate("D[x^2, x]", LIMIT));
    }
}
