package dev.gradstep.check;

/** What a verdict rests on. */
public enum Basis {
    /** Both sides evaluated at random points (30+ digits) for every K and index case. */
    NUMERIC,
    /** Symja proved the difference zero for the instantiated sizes. */
    SYMBOLIC
}
