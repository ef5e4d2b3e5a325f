/**
 * The corpus: small concurrent programs in plain Java, each with a {@code main} that starts its
 * threads, joins them and fails (an exception, a failed {@code assert}, or a deadlock) when its bug
 * shows. Every program declares its verdict with {@link dev.weft.testbench.corpus.Expect}; buggy
 * programs have a correct twin. The programs use no Weft API, and keep their state in objects
 * created by {@code main}, so that running {@code main} again in the same JVM starts afresh.
 */
package dev.weft.testbench.programs;
