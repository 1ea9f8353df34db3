package dev.gradstep.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of Symja's answers: keyed by the question's exact text, bounded, and safe on disk. */
class AnswerCacheTest {

    @TempDir
    Path temp;

    private static final Proof PROVED = new Proof(Proof.Status.PROVED, "Together");

    @Test
    void get_sameQuestion_answerMarkedCached() {
        AnswerCache c = AnswerCache.inMemory(100_000);
        c.put("Plus[a,Times[-1,a]]", PROVED);
        Proof p = c.get("Plus[a,Times[-1,a]]").orElseThrow();
        assertEquals(Proof.Status.PROVED, p.status());
        assertEquals("Together", p.detail());
        assertTrue(p.cached());
        assertEquals(1, c.hits());
    }

    @Test
    void get_questionWrittenDifferently_misses() {
        AnswerCache c = AnswerCache.inMemory(100_000);
        c.put("Plus[a,Times[-1,a]]", PROVED);
        assertTrue(c.get("Plus[a,Times[-1,b]]").isEmpty());
        assertTrue(c.get("Plus[a, Times[-1,a]]").isEmpty());
        assertEquals(2, c.misses());
    }

    @Test
    void put_abortedOrFailed_notKept() {
        AnswerCache c = AnswerCache.inMemory(100_000);
        c.put("q1", new Proof(Proof.Status.ABORTED, "stopped at the time limit of 2000 ms"));
        c.put("q2", new Proof(Proof.Status.ERROR, "refused: URLFetch"));
        c.put("q3", new Proof(Proof.Status.NOT_PROVED, "Simplify left a non-zero remainder"));
        assertTrue(c.get("q1").isEmpty());
        assertTrue(c.get("q2").isEmpty());
        assertEquals(Proof.Status.NOT_PROVED, c.get("q3").orElseThrow().status());
    }

    @Test
    void put_beyondBound_leastRecentlyUsedGoFirst() {
        AnswerCache c = AnswerCache.inMemory(3 * (10 + 8 + 80));
        for (int i = 0; i < 3; i++) {
            c.put("question-" + i, PROVED);
        }
        c.get("question-0");
        c.put("question-3", PROVED);
        assertEquals(3, c.size());
        assertTrue(c.get("question-0").isPresent());
        assertTrue(c.get("question-1").isEmpty());
        assertTrue(c.get("question-3").isPresent());
    }

    @Test
    void onDisk_savedAndReadBack_answersSurvive() {
        AnswerCache first = AnswerCache.onDisk(temp, 100_000);
        first.put("Plus[x,Times[-1,x]]", PROVED);
        first.save();
        assertTrue(first.file().getFileName().toString().matches("symja-answers-.+-symja-.+\\.txt"), first.file().toString());
        AnswerCache second = AnswerCache.onDisk(temp, 100_000);
        assertTrue(second.get("Plus[x,Times[-1,x]]").orElseThrow().cached());
    }

    @Test
    void onDisk_corruptFile_ignoredAndRewritten() throws Exception {
        AnswerCache first = AnswerCache.onDisk(temp, 100_000);
        first.put("Plus[x,Times[-1,x]]", PROVED);
        first.save();
        Path file = first.file();
        // a flipped character in a question: its hash no longer matches, so nothing in the file is trusted
        String text = Files.readString(file).replace("Plus[x,", "Plus[y,");
        Files.writeString(file, text);
        AnswerCache second = AnswerCache.onDisk(temp, 100_000);
        assertTrue(second.get("Plus[x,Times[-1,x]]").isEmpty());
        assertTrue(second.get("Plus[y,Times[-1,x]]").isEmpty());
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        AnswerCache third = AnswerCache.onDisk(temp, 100_000);
        assertEquals(0, third.size());
        third.put("Plus[z,Times[-1,z]]", PROVED);
        third.save();
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("gradstep-symja-answers "));
        assertTrue(AnswerCache.onDisk(temp, 100_000).get("Plus[z,Times[-1,z]]").isPresent());
    }

    @Test
    void onDisk_deletedFolder_nextRunStartsEmpty() throws Exception {
        Path folder = temp.resolve("gone");
        AnswerCache first = AnswerCache.onDisk(folder, 100_000);
        first.put("q", PROVED);
        first.save();
        Files.delete(first.file());
        Files.delete(folder);
        assertEquals(0, AnswerCache.onDisk(folder, 100_000).size());
    }

    @Test
    void onDisk_twoProcessesSave_bothAnswersKept() {
        AnswerCache a = AnswerCache.onDisk(temp, 100_000);
        AnswerCache b = AnswerCache.onDisk(temp, 100_000);
        a.put("from-a", PROVED);
        b.put("from-b", PROVED);
        a.save();
        b.save();
        AnswerCache after = AnswerCache.onDisk(temp, 100_000);
        assertTrue(after.get("from-a").isPresent());
        assertTrue(after.get("from-b").isPresent());
    }

    @Test
    void defaultFolder_propertySet_usesIt() {
        // surefire points the cache at target/test-cache: no test writes to the user's own cache
        assertTrue(AnswerCache.defaultFolder().toString().contains("test-cache"), AnswerCache.defaultFolder().toString());
    }

    @Test
    void gateway_sameQuestionTwice_secondFromCache() {
        AnswerCache answers = AnswerCache.inMemory(100_000);
        try (SymjaGateway g = SymjaGateway.start(answers)) {
            Expr a = new Expr.Sym("a", List.of());
            Expr zero = Exprs.sub(Exprs.mul(a, a), Exprs.mul(a, a));
            Proof first = g.proveZero(zero, Duration.ofSeconds(5));
            Proof second = g.proveZero(zero, Duration.ofSeconds(5));
            assertEquals(Proof.Status.PROVED, first.status());
            assertFalse(first.cached());
            assertEquals(Proof.Status.PROVED, second.status());
            assertTrue(second.cached());
        }
    }

    @Test
    void startLazily_everyAnswerCached_engineNeverLoaded() {
        AnswerCache answers = AnswerCache.inMemory(100_000);
        Expr a = new Expr.Sym("a", List.of());
        Expr b = new Expr.Sym("b", List.of());
        Expr question = Exprs.sub(Exprs.mul(a, b), Exprs.mul(b, a));
        try (SymjaGateway eager = SymjaGateway.start(answers)) {
            assertEquals(Proof.Status.PROVED, eager.proveZero(question, Duration.ofSeconds(5)).status());
        }
        try (SymjaGateway lazy = SymjaGateway.startLazily(answers)) {
            Proof p = lazy.proveZero(question, Duration.ofSeconds(5));
            assertTrue(p.cached());
            assertFalse(lazy.isReady(), "answered from the cache: Symja was not loaded");
            Proof fresh = lazy.proveZero(Exprs.sub(Exprs.mul(a, a), Exprs.mul(a, a)), Duration.ofSeconds(5));
            assertFalse(fresh.cached());
            assertTrue(lazy.isReady());
        }
    }
}
