package io.gevent4j.samples.seed;

import static io.gevent4j.samples.seed.SeedOutput.greenlet;
import static io.gevent4j.samples.seed.SeedOutput.lines;
import static io.gevent4j.samples.seed.SeedOutput.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.test.GeventExtension;
import io.gevent4j.test.TestHub;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's four programs keep the seed's ordering: sequential, round-robin, sequential,
 * interleaved. In virtual time, each in a fresh hub that must end empty (the test kit).
 */
@ExtendWith(GeventExtension.class)
class SeedProgramsTest {
  private static final String GREENLET_F5 = "<Greenlet at 0x[0-9a-f]+: f\\(5\\)>";

  @Test
  void spawnJoinRunsEachGreenletToCompletionInTurn() {
    List<String> lines = lines(SpawnJoin::run);
    assertEquals(15, lines.size());
    for (int i = 0; i < 15; i++) {
      assertTrue(greenlet(lines.get(i)).matches(GREENLET_F5), lines.get(i));
      assertEquals(i % 5, number(lines.get(i)));
      assertEquals(greenlet(lines.get(i - i % 5)), greenlet(lines.get(i)), "sequential: one greenlet per block of five");
    }
    assertEquals(3, distinctGreenlets(lines).size());
  }

  @Test
  void spawnSleepInterleavesRoundRobinInFiveRoundsOfTime(TestHub hub) {
    long sleep = 1000;
    List<String> lines = lines(out -> SpawnSleep.run(sleep, out));
    long elapsedMillis = hub.currentTimeMillis();
    assertEquals(15, lines.size());
    List<String> order = distinctGreenlets(lines);
    for (int i = 0; i < 15; i++) {
      assertTrue(greenlet(lines.get(i)).matches(GREENLET_F5), lines.get(i));
      assertEquals(order.get(i % 3), greenlet(lines.get(i)), "round-robin at line " + i);
      assertEquals(i / 3, number(lines.get(i)));
    }
    assertEquals(5 * sleep, elapsedMillis, "five rounds of one sleep each, not fifteen");
  }

  @Test
  void blockingSleepRunsTheWorkersOneAfterAnother() {
    List<String> lines = lines(out -> BlockingSleep.run(1, 3, out));
    assertEquals(20, lines.size());
    for (int i = 0; i < 20; i++) {
      assertEquals((i < 10 ? "work1 " : "work2 ") + i % 10, lines.get(i));
    }
  }

  @Test
  void patchedSleepInterleavesTheWorkers() {
    List<String> lines = lines(out -> PatchedSleep.run(1, 1000, out));
    assertEquals(20, lines.size());
    List<String> work1 = new ArrayList<>();
    List<String> work2 = new ArrayList<>();
    for (String line : lines) {
      (line.startsWith("work1") ? work1 : work2).add(line);
    }
    for (int i = 0; i < 10; i++) {
      assertEquals("work1 " + i, work1.get(i));
      assertEquals("work2 " + i, work2.get(i));
    }
    assertNotEquals("work2 0", lines.get(10), "not sequential");
    assertTrue(lines.indexOf("work2 0") < lines.indexOf("work1 9"), "work2 starts while work1 pauses");
  }

  @Test
  void patchedSleepOverlapsThePauses(TestHub hub) {
    lines(out -> PatchedSleep.run(1, 1000, out));
    long elapsedMillis = hub.currentTimeMillis();
    Random random = new Random(1);
    long allPauses = 0;
    for (int i = 0; i < 20; i++) {
      allPauses += Work.pause(random, 1000);
    }
    assertTrue(elapsedMillis < allPauses, elapsedMillis + " ms, not the sum of all pauses, " + allPauses);
    assertTrue(2 * elapsedMillis >= allPauses, "the longer worker's pauses: at least half of " + allPauses);
  }

  @Test
  void patchedSleepIsReproducible() {
    List<String> first = lines(out -> PatchedSleep.run(1, 1000, out));
    assertEquals(first, lines(out -> PatchedSleep.run(1, 1000, out)));
  }

  private static List<String> distinctGreenlets(List<String> lines) {
    List<String> seen = new ArrayList<>();
    for (String line : lines) {
      if (!seen.contains(greenlet(line))) {
        seen.add(greenlet(line));
      }
    }
    return seen;
  }
}
