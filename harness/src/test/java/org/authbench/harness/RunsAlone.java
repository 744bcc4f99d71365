package org.authbench.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Isolated;

/**
 * A process-tier class that loads the machine to saturation, pins CPUs or compares latencies:
 * it runs alone, after every other class (JUnit's {@link Isolated}), so that neither it nor a
 * drill beside it is slowed by the other (docs/tests.md, "Two at a time").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Isolated
public @interface RunsAlone {

}
