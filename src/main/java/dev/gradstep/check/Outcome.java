package dev.gradstep.check;

/** A step's verdict. UNDECIDED is honest: neither the numbers nor the CAS could settle it. */
public enum Outcome {
    VERIFIED, FAILED, UNDECIDED
}
