package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gevent4j.processor.testing.ProgramGenerator;
import io.gevent4j.processor.testing.RandomPrograms;
import io.gevent4j.processor.testing.RandomPrograms.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random coroutine bodies ({@link ProgramGenerator}), each run directly and as a greenlet with the
 * same trace, result and exception. CI runs a fixed seed; a longer run is one command:
 * {@code mvn -B test -pl processor -am -Dtest=RandomProgramTest -Dsurefire.failIfNoSpecifiedTests=false -Dgevent4j.seed=123 -Dgevent4j.programs=20000 "-Dgevent4j.testTimeout=3 h"}
 * ({@code -Dgevent4j.failures=20} reports up to 20 failing programs instead of the first).
 */
class RandomProgramTest {
  private static final int PER_CLASS = 100;

  @Test
  void randomProgramsBehaveTheSameBothWays() throws Exception {
    long seed = Long.getLong("gevent4j.seed", 20261125L);
    int programs = Integer.getInteger("gevent4j.programs", 2000);
    check(seed, programs);
  }

  @Test
  void theGeneratorIsDeterministic() {
    assertEquals(new ProgramGenerator(7).method("m"), new ProgramGenerator(7).method("m"));
    ProgramGenerator generator = new ProgramGenerator(7);
    assertNotEquals(generator.method("m"), generator.method("m"));
  }

  private static void check(long seed, int programs) throws Exception {
    int most = Integer.getInteger("gevent4j.failures", 1);
    List<Failure> failures = RandomPrograms.run(seed, programs, PER_CLASS, most);
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder("seed " + seed + ": " + failures.size() + " failing program(s)\n");
      for (Failure failure : failures) {
        message.append("\n").append(failure.report());
      }
      fail(message.toString());
    }
  }
}
