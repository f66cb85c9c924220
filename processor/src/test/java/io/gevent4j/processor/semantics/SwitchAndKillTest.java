package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.processor.testing.Differential;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * switch statements whose cases suspend (fallthrough, strings, enums, break and continue), and a
 * kill delivered at a suspension point inside try/finally (LOWERING-NOTES cases 19, 27, 34, 53).
 */
class SwitchAndKillTest {
  private static Differential cases;

  @BeforeAll
  static void compile() {
    cases = Differential.compile("Switches",
        "  enum Color { RED, GREEN, BLUE }",
        "  @Coroutine public static String ints(int n) {",
        "    StringBuilder out = new StringBuilder();",
        "    switch (y(n)) {",
        "      case 1: out.append(y(\"one\"));",
        "      case 2: out.append(\"two\"); break;",
        "      case 3: { int local = y(3); out.append(local); break; }",
        "      default: out.append(y(\"other\"));",
        "    }",
        "    return out.toString();",
        "  }",
        "  @Coroutine public static String strings(String s) {",
        "    switch (s) {",
        "      case \"a\": return y(\"A\");",
        "      case \"b\": y(0);",
        "      default: return \"default\";",
        "    }",
        "  }",
        "  @Coroutine public static String enums(Color c) {",
        "    switch (c) {",
        "      case RED: return y(\"red\");",
        "      case GREEN: y(1); break;",
        "      case BLUE: break;",
        "    }",
        "    return \"after \" + c;",
        "  }",
        "  @Coroutine public static int continueInSwitch() {",
        "    int total = 0;",
        "    for (int i = 0; i < 5; i++) {",
        "      switch (i % 3) {",
        "        case 0: y(i); continue;",
        "        case 1: total += y(i); break;",
        "        default: total += 100;",
        "      }",
        "      total++;",
        "    }",
        "    return total;",
        "  }",
        "  @Coroutine public static void killable() {",
        "    try {",
        "      try { log.add(\"start\"); Gevent.sleep(1000); log.add(\"never\"); }",
        "      finally { log.add(\"inner finally\"); Gevent.sleep(1); log.add(\"inner finally resumed\"); }",
        "    } catch (Throwable t) { log.add(\"caught \" + t.getClass().getSimpleName()); throw t; }",
        "    finally { log.add(\"outer finally\"); }",
        "  }");
  }

  @Test
  void intSwitchWithFallthroughAndBlocks() throws Exception {
    assertEquals("onetwo", cases.assertSame(true, "ints", 1).result);
    assertEquals("two", cases.assertSame(true, "ints", 2).result);
    assertEquals("3", cases.assertSame(true, "ints", 3).result);
    assertEquals("other", cases.assertSame(true, "ints", 9).result);
  }

  @Test
  void stringSwitch() throws Exception {
    assertEquals("A", cases.assertSame(true, "strings", "a").result);
    assertEquals("default", cases.assertSame(true, "strings", "b").result);
    assertEquals("default", cases.assertSame(false, "strings", "z").result);
  }

  @Test
  void enumSwitch() throws Exception {
    Class<?> color = Class.forName("p.Switches$Color", true, cases.loader());
    for (Object constant : color.getEnumConstants()) {
      cases.assertSame(!constant.toString().equals("BLUE"), "enums", constant);
    }
  }

  @Test
  void continueInsideSwitchReachesTheLoop() throws Exception {
    cases.assertSame(true, "continueInSwitch");
  }

  @Test
  void killRunsSuspendingFinallyBlocksInnermostFirst() throws Exception {
    Hub hub = Hub.install(Clock.virtual());
    hub.setErrorStream(null);
    List<String> log = new ArrayList<>();
    Class<?> type = Class.forName("p.Switches", true, cases.loader());
    type.getField("log").set(null, log);
    Greenlet<?> greenlet = (Greenlet<?>) Class.forName("p.SwitchesCoroutines", true, cases.loader())
        .getMethod("killable").invoke(null);
    greenlet.start();
    io.gevent4j.Gevent.sleep(10);
    greenlet.kill();
    assertEquals("[start, inner finally, inner finally resumed, caught GreenletExit, outer finally]", log.toString());
    assertTrue(greenlet.isDead() && greenlet.isSuccessful());
    assertTrue(hub.isEmpty(), "no timer or waiter left after the kill");
  }
}
