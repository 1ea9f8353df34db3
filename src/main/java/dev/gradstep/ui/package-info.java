/**
 * The desktop app: JavaFX views, the view models they bind to, and the one bridge to JLaTeXMath
 * ({@link dev.gradstep.ui.FormulaRenderer}). The only package that imports JavaFX.
 */
package dev.gradstep.ui;
