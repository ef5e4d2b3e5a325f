/**
 * Correct programs whose thread count is their first argument, for measuring how the tools' speed
 * scales with threads ({@code ScaleBench}). They are not in the corpus: a systematic search of 100
 * threads does not end, and they have no bug to find.
 */
package dev.weft.testbench.scale;
