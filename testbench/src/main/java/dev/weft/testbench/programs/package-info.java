/**
 * The corpus: small concurrent programs in plain Java, each with a {@code main} that starts its
 * threads, joins them and fails (an exception, a failed {@code assert}, a deadlock, or a livelock
 * that runs into the step bound) when its bug shows. Every program declares its verdict with {@link
 * dev.weft.testbench.corpus.Expect}; buggy programs have a correct twin. The programs use no Weft
 * API and only what Weft controls (monitors, wait/notify, thread operations, volatile fields, and
 * {@code java.util.concurrent}: locks, synchronizers, {@code LockSupport}, atomics, queues,
 * executors and futures), and keep their state in objects created by {@code main}, so that running
 * {@code main} again in the same JVM starts afresh. Wherever the order of accesses matters, the
 * data sits in volatile fields or {@code java.util.concurrent} objects, since only their accesses
 * are Weft's scheduling points. A program that starts an executor shuts it down before it returns
 * ({@code Pools.shutDown}).
 *
 * <p>Scalable programs read their sizes (threads, operations) from {@code args}, with defaults;
 * {@code main} with no arguments runs the registered configuration, the one the tests explore.
 */
package dev.weft.testbench.programs;
