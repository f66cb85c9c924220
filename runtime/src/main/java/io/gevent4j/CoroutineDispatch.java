package io.gevent4j;

import io.gevent4j.annotations.Coroutine;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Virtual dispatch of one overridable {@code @Coroutine} method, for generated code; not API.
 *
 * <p>{@code BCoroutines.m$frame(B self, ...)} creates B's own frame when {@code self.getClass()}
 * is {@code B} itself, and otherwise asks {@link #target} for the frame factory of the body
 * Java's virtual dispatch picks for that class: the public non-virtual entry
 * {@code KCoroutines.m$special(K self, ...)} of the class K whose method it is. The lookup walks
 * the receiver's superclasses, then its interfaces' {@code default} methods, as the JVM's method
 * selection does (a bridge method stands for the method it bridges to), and is cached per
 * receiver class ({@link ClassValue}). {@code KCoroutines} is found by the processor's naming
 * convention in K's class loader, through {@link MethodHandles#publicLookup()}, so an
 * implementation may live in another package, jar or module (whose package is exported). An
 * implementation that is not a {@code @Coroutine} (a lambda, a method reference, a mock or proxy,
 * a class compiled without the processor) runs as a plain call in a {@link PlainCallFrame}: it
 * cannot suspend, and a {@code @Yielding} call inside it throws {@link UntransformedCallException}.
 */
public final class CoroutineDispatch {
  /** Suffix of the generated non-virtual frame factory: {@code m$special}. */
  static final String SPECIAL_SUFFIX = "$special";
  /** Suffix of the generated factories class: {@code p.Outer_InnerCoroutines} for {@code p.Outer.Inner}. */
  static final String COROUTINES_SUFFIX = "Coroutines";

  private final Class<?> declaring;
  private final String name;
  private final Class<?>[] parameters;
  /** {@code (declaring, parameters)CoroutineFrame}: the type of every handle {@link #target} returns. */
  private final MethodType type;
  private final ClassValue<Target> targets = new ClassValue<Target>() {
    @Override
    protected Target computeValue(Class<?> receiver) {
      return new Target(receiver, resolve(receiver));
    }
  };

  /** The class {@link #target} answered last, with its factory; the one for no class at first. */
  private Target last = new Target(null, null);

  private CoroutineDispatch(Class<?> declaring, String name, Class<?>[] parameters) {
    this.declaring = declaring;
    this.name = name;
    this.parameters = parameters.clone();
    List<Class<?>> all = new ArrayList<>();
    all.add(declaring);
    all.addAll(Arrays.asList(parameters));
    this.type = MethodType.methodType(CoroutineFrame.class, all);
  }

  /** The dispatch of {@code declaring.name(parameters)} (its erased parameter types). */
  public static CoroutineDispatch of(Class<?> declaring, String name, Class<?>... parameters) {
    return new CoroutineDispatch(declaring, name, parameters);
  }

  /**
   * The frame factory of the implementation that runs for receivers of class {@code receiver}, of
   * type {@code (declaring, parameters)CoroutineFrame}; call it with {@code invokeExact}. The last
   * class asked for is answered without the {@link ClassValue} lookup (a call site usually sees one
   * class).
   */
  public MethodHandle target(Class<?> receiver) {
    Target last = this.last;
    if (last.receiver == receiver) {
      return last.handle;
    }
    last = targets.get(receiver);
    this.last = last;
    return last.handle;
  }

  /**
   * A receiver class and its frame factory. Immutable, so that any thread may read the pair another
   * one stored in {@link #last} without a lock (final fields are seen as constructed).
   */
  private static final class Target {
    final Class<?> receiver;
    final MethodHandle handle;

    Target(Class<?> receiver, MethodHandle handle) {
      this.receiver = receiver;
      this.handle = handle;
    }
  }

  /** What generated code throws for a failure of {@code invokeExact}: frame factories throw nothing checked. */
  public static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    throw new UndeclaredThrowableException(failure);
  }

  private MethodHandle resolve(Class<?> receiver) {
    Method implementation = implementation(receiver, parameters);
    if (implementation == null || Modifier.isAbstract(implementation.getModifiers())) {
      throw new AbstractMethodError(receiver.getName() + " does not implement " + describe(declared()));
    }
    if (!implementation.isAnnotationPresent(Coroutine.class)) {
      return PlainCallFrame.factory(declared(), type);
    }
    Class<?> owner = implementation.getDeclaringClass();
    List<Class<?>> special = new ArrayList<>();
    special.add(owner);
    special.addAll(Arrays.asList(implementation.getParameterTypes()));
    try {
      Class<?> factories = Class.forName(coroutinesClassName(owner), true, owner.getClassLoader());
      return MethodHandles.publicLookup()
          .findStatic(factories, name + SPECIAL_SUFFIX, MethodType.methodType(CoroutineFrame.class, special))
          .asType(type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot find the generated frame factory of " + describe(implementation)
          + " (was it compiled with the gevent4j processor?): " + e, e);
    }
  }

  /** The method a virtual call of {@code name(params)} selects on a receiver of class {@code receiver}, or null. */
  private Method implementation(Class<?> receiver, Class<?>[] params) {
    for (Class<?> type = receiver; type != null; type = type.getSuperclass()) {
      Method found = declaredIn(type, receiver, params);
      if (found != null) {
        return found;
      }
    }
    return defaultMethod(receiver, params);
  }

  /**
   * The method {@code type} declares as {@code name(params)} that overrides the dispatched one;
   * for a bridge method, the implementation of the method it bridges to (selected again from the
   * receiver, as the bridge's own virtual call does).
   */
  private Method declaredIn(Class<?> type, Class<?> receiver, Class<?>[] params) {
    Method bridge = null;
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), params) && overrides(method)) {
        if (!method.isBridge()) {
          return method;
        }
        bridge = method;
      }
    }
    if (bridge == null) {
      return null;
    }
    Method bridged = bridgedTo(bridge);
    return Arrays.equals(bridged.getParameterTypes(), params) ? bridged : implementation(receiver, bridged.getParameterTypes());
  }

  /**
   * The method a bridge calls: the one of its class with the same name and arity whose types are
   * assignable to the bridge's, a {@code @Coroutine} one first.
   */
  private static Method bridgedTo(Method bridge) {
    Method found = null;
    for (Method method : bridge.getDeclaringClass().getDeclaredMethods()) {
      if (method.isBridge() || !method.getName().equals(bridge.getName())
          || method.getParameterCount() != bridge.getParameterCount()
          || !bridge.getReturnType().isAssignableFrom(method.getReturnType())
          || !assignable(bridge.getParameterTypes(), method.getParameterTypes())) {
        continue;
      }
      boolean coroutine = method.isAnnotationPresent(Coroutine.class);
      if (found != null && coroutine == found.isAnnotationPresent(Coroutine.class)) {
        throw new IllegalStateException("cannot tell which method the bridge " + describe(bridge)
            + " calls: " + describe(found) + " or " + describe(method));
      }
      if (found == null || coroutine) {
        found = method;
      }
    }
    if (found == null) {
      throw new IllegalStateException("cannot find the method the bridge " + describe(bridge) + " calls");
    }
    return found;
  }

  private static boolean assignable(Class<?>[] to, Class<?>[] from) {
    for (int i = 0; i < to.length; i++) {
      if (!to[i].isAssignableFrom(from[i])) {
        return false;
      }
    }
    return true;
  }

  /** The maximally specific {@code default} method of the receiver's interfaces (JVMS 5.4.6), or null. */
  private Method defaultMethod(Class<?> receiver, Class<?>[] params) {
    List<Method> candidates = new ArrayList<>();
    for (Class<?> candidate : interfaces(receiver)) {
      Method found = declaredIn(candidate, receiver, params);
      if (found != null) {
        candidates.add(found);
      }
    }
    List<Method> maximal = new ArrayList<>();
    for (Method candidate : candidates) {
      boolean hidden = false;
      for (Method other : candidates) {
        hidden |= other != candidate && candidate.getDeclaringClass().isAssignableFrom(other.getDeclaringClass());
      }
      if (!hidden && !maximal.contains(candidate)) {
        maximal.add(candidate);
      }
    }
    if (maximal.size() > 1) {
      throw new IncompatibleClassChangeError(receiver.getName() + " inherits " + describe(declared())
          + " from several interfaces: " + maximal);
    }
    return maximal.isEmpty() ? null : maximal.get(0);
  }

  private static Set<Class<?>> interfaces(Class<?> receiver) {
    Set<Class<?>> all = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    for (Class<?> type = receiver; type != null; type = type.getSuperclass()) {
      pending.addAll(Arrays.asList(type.getInterfaces()));
    }
    while (!pending.isEmpty()) {
      Class<?> next = pending.pop();
      if (all.add(next)) {
        pending.addAll(Arrays.asList(next.getInterfaces()));
      }
    }
    if (receiver.isInterface()) {
      all.add(receiver);
    }
    return all;
  }

  /** Whether {@code method} overrides the dispatched method (JVMS 5.4.5, without its transitive rule). */
  private boolean overrides(Method method) {
    int modifiers = method.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
      return false;
    }
    int original = declared().getModifiers();
    return Modifier.isPublic(original) || Modifier.isProtected(original)
        || (method.getDeclaringClass().getClassLoader() == declaring.getClassLoader()
            && packageOf(method.getDeclaringClass()).equals(packageOf(declaring)));
  }

  private Method declared() {
    try {
      return declaring.getDeclaredMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(declaring.getName() + " has no method " + name + Arrays.toString(parameters), e);
    }
  }

  /** {@code p.Outer_InnerCoroutines} for {@code p.Outer.Inner}, as the processor names it. */
  static String coroutinesClassName(Class<?> type) {
    StringBuilder simple = new StringBuilder(type.getSimpleName());
    Class<?> top = type;
    for (Class<?> enclosing = type.getEnclosingClass(); enclosing != null; enclosing = enclosing.getEnclosingClass()) {
      simple.insert(0, enclosing.getSimpleName() + "_");
      top = enclosing;
    }
    String packageName = packageOf(top);
    return (packageName.isEmpty() ? "" : packageName + ".") + simple + COROUTINES_SUFFIX;
  }

  private static String packageOf(Class<?> type) {
    while (type.getEnclosingClass() != null) {
      type = type.getEnclosingClass();
    }
    int dot = type.getName().lastIndexOf('.');
    return dot < 0 ? "" : type.getName().substring(0, dot);
  }

  private static String describe(Method method) {
    StringBuilder out = new StringBuilder(method.getDeclaringClass().getName()).append('.').append(method.getName()).append('(');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      out.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
    }
    return out.append(')').toString();
  }
}
