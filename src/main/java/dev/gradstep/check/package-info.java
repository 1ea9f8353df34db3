/**
 * Verifying steps and derivations: numbers first (every K from 2 to 5, every index case, random
 * points at 40 digits with a rounding-error bound), then the CAS where it can decide in time. A
 * verdict says what it rests on; "undecided" is an honest answer, a false "verified" a defect.
 * {@link dev.gradstep.check.StudentChecker} turns a student's own LaTeX file into chains of steps for
 * the same checker, with hints that numbers confirm before they are offered.
 */
package dev.gradstep.check;
