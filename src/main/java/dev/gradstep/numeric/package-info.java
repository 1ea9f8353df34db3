/**
 * Plain double arithmetic for concrete numbers: parsing pasted vectors, a stable softmax
 * cross-entropy with its analytic gradient, and numeric gradient checks (central difference,
 * complex step, random direction). Pure Java, no dependencies, no shared mutable state.
 */
package dev.gradstep.numeric;
