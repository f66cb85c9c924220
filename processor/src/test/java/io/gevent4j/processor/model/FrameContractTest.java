package io.gevent4j.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The names generated code shares with the runtime are the runtime's: checked by reflection. */
class FrameContractTest {
  private static Class<?> frame() throws ClassNotFoundException {
    return Class.forName(FrameContract.FRAME_CLASS);
  }

  @Test
  void theFieldsExistAndGeneratedCodeCanUseThem() throws Exception {
    for (String name : Arrays.asList(FrameContract.STATE, FrameContract.SUSPEND, FrameContract.CALL)) {
      Field field = frame().getDeclaredField(name);
      assertTrue(Modifier.isProtected(field.getModifiers()), name + " is protected");
    }
    assertTrue(Modifier.isStatic(frame().getDeclaredField(FrameContract.SUSPEND).getModifiers()));
    assertEquals(int.class, frame().getDeclaredField(FrameContract.STATE).getType());
  }

  @Test
  void theOverriddenMethodsAreAbstractOrOverridable() throws Exception {
    assertAbstract(FrameContract.RESUME);
    assertAbstract(FrameContract.ARGUMENTS);
    for (String name : Arrays.asList(FrameContract.NAME, FrameContract.LOCATION, FrameContract.CLEAR)) {
      Method method = frame().getDeclaredMethod(name);
      assertTrue(Modifier.isProtected(method.getModifiers()) && !Modifier.isFinal(method.getModifiers()), name);
    }
  }

  @Test
  void theCalledMethodsExist() throws Exception {
    for (String name : Arrays.asList(FrameContract.PREPARE, FrameContract.PARKED,
        FrameContract.CAUGHT, FrameContract.CALL_FRAME, FrameContract.RESUMED, FrameContract.RESULT,
        FrameContract.INVALID_STATE)) {
      boolean found = false;
      for (Method method : frame().getDeclaredMethods()) {
        found |= method.getName().equals(name) && Modifier.isProtected(method.getModifiers());
      }
      assertTrue(found, "CoroutineFrame." + name);
    }
  }

  /** The runtime's dispatch finds {@code KCoroutines.m$special} by the names the processor gives them. */
  @Test
  void theDispatchFindsTheGeneratedNamesByTheProcessorsConvention() throws Exception {
    Class<?> dispatch = Class.forName(FrameContract.DISPATCH_CLASS);
    Field special = dispatch.getDeclaredField("SPECIAL_SUFFIX");
    special.setAccessible(true);
    assertEquals(FrameContract.SPECIAL_FACTORY_SUFFIX, special.get(null));
    Method name = dispatch.getDeclaredMethod("coroutinesClassName", Class.class);
    name.setAccessible(true);
    assertEquals("io.gevent4j.processor.model.FrameContractTest_NestedCoroutines", name.invoke(null, Nested.class));
  }

  static class Nested {}

  /** Fields a machine in another package inherits (package-private ones it does not see). */
  @Test
  void reservedNamesCoverEveryInheritedFieldOfTheFrame() throws Exception {
    for (Field field : frame().getDeclaredFields()) {
      if (Modifier.isProtected(field.getModifiers()) || Modifier.isPublic(field.getModifiers())) {
        assertTrue(FrameContract.RESERVED_VARIABLES.contains(field.getName()), field.getName() + " is reserved");
      }
    }
  }

  private static void assertAbstract(String name) throws Exception {
    assertTrue(Modifier.isAbstract(frame().getDeclaredMethod(name).getModifiers()), name + " is abstract");
  }
}
