package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.gevent4j.processor.testing.Differential;
import io.gevent4j.processor.testing.ProgramGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random coroutine bodies, each run directly and as a greenlet with the same trace, result and
 * exception. CI runs a fixed seed; a longer run is one command:
 * {@code mvn -B test -pl processor -Dtest=RandomProgramTest -Dgevent4j.seed=123 -Dgevent4j.programs=20000}.
 */
class RandomProgramTest {
  private static final int PER_CLASS = 100;

  @Test
  void randomProgramsBehaveTheSameBothWays() throws Exception {
    long seed = Long.getLong("gevent4j.seed", 20261125L);
    int programs = Integer.getInteger("gevent4j.programs", 2000);
    ProgramGenerator generator = new ProgramGenerator(seed);
    int compared = 0;
    for (int batch = 0; compared < programs; batch++) {
      List<String> methods = new ArrayList<>();
      int count = Math.min(PER_CLASS, programs - compared);
      for (int i = 0; i < count; i++) {
        methods.add(generator.method("m" + i));
      }
      List<String> members = new ArrayList<>();
      members.add(ProgramGenerator.support());
      members.addAll(methods);
      Differential programsClass = Differential.compile("Random" + batch, members.toArray(new String[0]));
      for (int i = 0; i < count; i++) {
        int argument = i % 5;
        try {
          programsClass.assertSame(false, "m" + i, argument);
        } catch (AssertionError mismatch) {
          fail("seed " + seed + ", batch " + batch + ", m" + i + "(" + argument + ") differs: " + mismatch.getMessage()
              + "\n" + methods.get(i), mismatch);
        }
        compared++;
      }
    }
    assertEquals(programs, compared);
  }

  @Test
  void theGeneratorIsDeterministic() {
    assertEquals(new ProgramGenerator(7).method("m"), new ProgramGenerator(7).method("m"));
  }
}
