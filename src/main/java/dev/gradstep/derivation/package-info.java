/**
 * The derivation data model (derivations, steps, rules, notation, assumptions) and the loader
 * that reads derivation files, reporting problems at file:line without giving up on other files.
 */
package dev.gradstep.derivation;
