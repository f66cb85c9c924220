package io.gevent4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceLinesTest {
  private static final LineMap MAP = LineMap.parse(new String[] {
    "M leaf$Machine p.Foo.leaf Foo.java",
    "M inner$Machine p.Outer$Inner.inner Outer.java",
    "10-12=5",
    "14-14=6",
    "20-30=9",
    "not a run",
  });

  @Test
  void eachLineOfARunMapsToItsSourceLineAndGapsMapToNone() {
    assertEquals(-1, MAP.sourceLine(9));
    assertEquals(5, MAP.sourceLine(10));
    assertEquals(5, MAP.sourceLine(12));
    assertEquals(-1, MAP.sourceLine(13));
    assertEquals(6, MAP.sourceLine(14));
    assertEquals(9, MAP.sourceLine(25));
    assertEquals(9, MAP.sourceLine(30));
    assertEquals(-1, MAP.sourceLine(31));
  }

  @Test
  void aMachineFrameBecomesTheUsersMethod() {
    assertEquals("p.Foo.leaf(Foo.java:6)", MAP.toSource("leaf$Machine", 14).toString());
    assertEquals("p.Outer$Inner.inner(Outer.java:9)", MAP.toSource("inner$Machine", 21).toString());
    assertEquals("p.Foo.leaf(Foo.java)", MAP.toSource("leaf$Machine", 13).toString());
  }

  @Test
  void aClassNestedInAMachineMapsAsTheMachineAndUnknownMachinesDoNot() {
    assertEquals("p.Foo.leaf(Foo.java:5)", MAP.toSource("leaf$Machine$1", 11).toString());
    assertNull(MAP.toSource("other$Machine", 11));
    assertNull(LineMap.NONE.toSource("leaf$Machine", 11));
  }

  @Test
  void framesOfGeneratedClassesAreMappedThroughTheirLinesTable() {
    StackTraceElement frame = new StackTraceElement(Fixture_Machines.class.getName() + "$run$Machine", "resume$", "Fixture_Machines.java", 3);
    assertTrue(SourceLines.isGenerated(frame));
    assertEquals("p.Fixture.run(Fixture.java:42)", SourceLines.toSource(frame, getClass().getClassLoader()).toString());
  }

  @Test
  void otherFramesAndGeneratedClassesWithoutATableAreLeftAlone() {
    StackTraceElement plain = new StackTraceElement("p.Main", "main", "Main.java", 3);
    assertFalse(SourceLines.isGenerated(plain));
    assertSame(plain, SourceLines.toSource(plain, null));
    StackTraceElement untabled = new StackTraceElement("p.Gone_Machines$run$Machine", "resume$", "Gone_Machines.java", 3);
    assertSame(untabled, SourceLines.toSource(untabled, null));
  }

  /** A generated machines class with a table only: line 1 to 100 of it is line 42 of {@code Fixture.java}. */
  static final class Fixture_Machines {
    static final class Lines$ {
      static final String[] MAP = {"M run$Machine p.Fixture.run Fixture.java", "1-100=42"};
    }
  }
}
