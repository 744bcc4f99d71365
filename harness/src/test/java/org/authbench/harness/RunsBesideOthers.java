package org.authbench.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A process-tier class that mostly waits: a drill's timeline under a light open load (150
 * requests/s), whose assertions count sessions and errors, never time. It runs on a second
 * thread beside the other classes (JUnit's {@link ExecutionMode#CONCURRENT}), which takes its
 * wall time out of the suite's (docs/tests.md, "Two at a time").
 *
 * <p>
 * The lock, read-write on one name for every such class, keeps it to two at a time: these classes
 * take turns on the second thread, and each runs its tests one by one (a class with a read-write
 * lock runs its tests on its own thread; without it {@code CONCURRENT} would reach the tests too and
 * start every drill of the class at once).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsBesideOthers.SECOND_THREAD)
public @interface RunsBesideOthers {

	/** The lock the classes share. */
	String SECOND_THREAD = "authbench.second-test-thread";

}
