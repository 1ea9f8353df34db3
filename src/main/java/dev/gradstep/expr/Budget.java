package dev.gradstep.expr;

import java.time.Duration;

/**
 * Every bound on the work one input can ask for, in one place. Each is checked where the work
 * would start (before steps or rows are parsed, before a sum is written out) and, when exceeded,
 * reported by name as an error or an undecided verdict, never as a hang or an exhausted heap.
 *
 * @param maxSteps steps in one derivation file
 * @param maxIdLength characters of a derivation's id
 * @param maxClasses K when a notation fixes it to a number
 * @param maxTerms terms of one instantiated side once its sums are written out
 * @param maxCases index cases of one step at one K
 * @param perFile time to check one file; steps not reached are undecided
 */
public record Budget(int maxSteps, int maxIdLength, int maxClasses, int maxTerms, int maxCases, Duration perFile) {

    public static final Budget DEFAULT = new Budget(500, 200, 2000, 50_000, 4096, Duration.ofSeconds(60));
}
