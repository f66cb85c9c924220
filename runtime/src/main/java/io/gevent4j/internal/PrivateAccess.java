package io.gevent4j.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

/**
 * Method handles on the private fields, methods and constructors that generated coroutine code
 * uses (it lives in another class than the user's, so it cannot name them). Generated code keeps
 * each handle in a {@code static final} field and calls {@code invokeExact}, which the JIT inlines
 * like a direct access.
 *
 * <p>On JDK 9+ a handle comes from {@code MethodHandles.privateLookupIn(owner, caller)}, where
 * {@code caller} is the generated class's own lookup: the generated class is in the owner's
 * package, hence its module, so this works on the class path and in named modules alike. On JDK 8
 * (no modules) the member is made accessible by reflection and unreflected.
 */
public final class PrivateAccess {
  /** {@code MethodHandles.privateLookupIn}, or null before JDK 9. */
  private static final Method PRIVATE_LOOKUP_IN = privateLookupIn();

  private PrivateAccess() {}

  /** A handle reading instance field {@code name} of {@code owner}: {@code (owner) type}. */
  public static MethodHandle getter(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
    try {
      return PRIVATE_LOOKUP_IN != null ? in(caller, owner).findGetter(owner, name, type)
          : caller.unreflectGetter(accessible(owner.getDeclaredField(name)));
    } catch (ReflectiveOperationException e) {
      throw failure("field", owner, name, e);
    }
  }

  /** A handle writing instance field {@code name} of {@code owner}: {@code (owner, type) void}. */
  public static MethodHandle setter(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
    try {
      return PRIVATE_LOOKUP_IN != null ? in(caller, owner).findSetter(owner, name, type)
          : caller.unreflectSetter(accessible(owner.getDeclaredField(name)));
    } catch (ReflectiveOperationException e) {
      throw failure("field", owner, name, e);
    }
  }

  /** A handle reading static field {@code name} of {@code owner}: {@code () type}. */
  public static MethodHandle staticGetter(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
    try {
      return PRIVATE_LOOKUP_IN != null ? in(caller, owner).findStaticGetter(owner, name, type)
          : caller.unreflectGetter(accessible(owner.getDeclaredField(name)));
    } catch (ReflectiveOperationException e) {
      throw failure("field", owner, name, e);
    }
  }

  /** A handle writing static field {@code name} of {@code owner}: {@code (type) void}. */
  public static MethodHandle staticSetter(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
    try {
      return PRIVATE_LOOKUP_IN != null ? in(caller, owner).findStaticSetter(owner, name, type)
          : caller.unreflectSetter(accessible(owner.getDeclaredField(name)));
    } catch (ReflectiveOperationException e) {
      throw failure("field", owner, name, e);
    }
  }

  /** A handle calling instance method {@code name} of {@code owner}: {@code (owner, parameters) result}. */
  public static MethodHandle method(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> result,
      Class<?>... parameters) {
    try {
      return PRIVATE_LOOKUP_IN != null
          ? in(caller, owner).findSpecial(owner, name, MethodType.methodType(result, parameters), owner)
          : caller.unreflect(accessible(owner.getDeclaredMethod(name, parameters)));
    } catch (ReflectiveOperationException e) {
      throw failure("method", owner, name, e);
    }
  }

  /**
   * A handle calling instance method {@code name} of {@code owner} with virtual dispatch (a method
   * of a private class that subclasses may override): {@code (owner, parameters) result}.
   */
  public static MethodHandle virtualMethod(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> result,
      Class<?>... parameters) {
    try {
      return PRIVATE_LOOKUP_IN != null
          ? in(caller, owner).findVirtual(owner, name, MethodType.methodType(result, parameters))
          : caller.unreflect(accessible(owner.getDeclaredMethod(name, parameters)));
    } catch (ReflectiveOperationException e) {
      throw failure("method", owner, name, e);
    }
  }

  /**
   * The private class {@code binaryName} ({@code p.Foo$Entry}), which generated code cannot name,
   * from the class loader of {@code caller}'s class.
   */
  public static Class<?> type(MethodHandles.Lookup caller, String binaryName) {
    try {
      return Class.forName(binaryName, false, caller.lookupClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("gevent4j: generated code cannot find private class " + binaryName
          + " (was the class changed without recompiling its coroutines?)", e);
    }
  }

  /**
   * {@code handle} with every reference type of its type made {@code Object}: the type generated
   * code calls it with when the member's signature names a private class ({@code invokeExact} with
   * {@code Object}s; the handle casts them back).
   */
  public static MethodHandle erased(MethodHandle handle) {
    return handle.asType(handle.type().erase());
  }

  /**
   * A handle making the {@code super.name(...)} call of class {@code self}, which runs
   * {@code declaring}'s method (a superclass's, or a direct superinterface's default method)
   * without virtual dispatch: {@code (self, parameters) result}.
   */
  public static MethodHandle superMethod(MethodHandles.Lookup caller, Class<?> self, Class<?> declaring, String name,
      Class<?> result, Class<?>... parameters) {
    try {
      MethodType type = MethodType.methodType(result, parameters);
      return (PRIVATE_LOOKUP_IN != null ? in(caller, self) : privateLookupOnJdk8(self)).findSpecial(declaring, name, type, self);
    } catch (ReflectiveOperationException e) {
      throw failure("super method", declaring, name, e);
    }
  }

  /** A handle calling static method {@code name} of {@code owner}: {@code (parameters) result}. */
  public static MethodHandle staticMethod(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> result,
      Class<?>... parameters) {
    try {
      return PRIVATE_LOOKUP_IN != null
          ? in(caller, owner).findStatic(owner, name, MethodType.methodType(result, parameters))
          : caller.unreflect(accessible(owner.getDeclaredMethod(name, parameters)));
    } catch (ReflectiveOperationException e) {
      throw failure("method", owner, name, e);
    }
  }

  /** A handle calling a constructor of {@code owner}: {@code (parameters) owner}. */
  public static MethodHandle constructor(MethodHandles.Lookup caller, Class<?> owner, Class<?>... parameters) {
    try {
      return PRIVATE_LOOKUP_IN != null
          ? in(caller, owner).findConstructor(owner, MethodType.methodType(void.class, parameters))
          : caller.unreflectConstructor(accessible(owner.getDeclaredConstructor(parameters)));
    } catch (ReflectiveOperationException e) {
      throw failure("constructor", owner, owner.getSimpleName(), e);
    }
  }

  private static MethodHandles.Lookup in(MethodHandles.Lookup caller, Class<?> owner) throws ReflectiveOperationException {
    try {
      return (MethodHandles.Lookup) PRIVATE_LOOKUP_IN.invoke(null, owner, caller);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ReflectiveOperationException) {
        throw (ReflectiveOperationException) cause;
      }
      throw Sneaky.<RuntimeException>rethrow(cause);
    }
  }

  /**
   * A lookup with private access in {@code self}, on JDK 8: {@code findSpecial} needs one, and only
   * the lookup class itself can make it there, so it is made by the constructor that Java 8's
   * {@code MethodHandles.lookup()} uses.
   */
  private static MethodHandles.Lookup privateLookupOnJdk8(Class<?> self) throws ReflectiveOperationException {
    java.lang.reflect.Constructor<MethodHandles.Lookup> constructor =
        MethodHandles.Lookup.class.getDeclaredConstructor(Class.class, int.class);
    return accessible(constructor).newInstance(self, MethodHandles.Lookup.PUBLIC | MethodHandles.Lookup.PRIVATE
        | MethodHandles.Lookup.PROTECTED | MethodHandles.Lookup.PACKAGE);
  }

  private static <T extends AccessibleObject> T accessible(T member) {
    member.setAccessible(true);
    return member;
  }

  private static IllegalStateException failure(String kind, Class<?> owner, String name, Exception cause) {
    return new IllegalStateException("gevent4j: generated code cannot reach private " + kind + " " + owner.getName() + "."
        + name + " (was the class changed without recompiling its coroutines?)", cause);
  }

  private static Method privateLookupIn() {
    try {
      return MethodHandles.class.getMethod("privateLookupIn", Class.class, MethodHandles.Lookup.class);
    } catch (NoSuchMethodException e) {
      return null; // JDK 8
    }
  }
}
