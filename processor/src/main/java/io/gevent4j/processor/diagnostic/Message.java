package io.gevent4j.processor.diagnostic;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: a stable key, what is wrong and what to do. The key
 * appears in brackets at the start of the message; {@code docs/DIAGNOSTICS.md} lists them all.
 */
public enum Message {
  /** Native only (the key predates abstract coroutines, which are legal). */
  ABSTRACT_COROUTINE("@Coroutine method %s is native and has no body to compile; remove @Coroutine, or call the native method from a @Coroutine"),
  SYNCHRONIZED_COROUTINE("@Coroutine method %s is synchronized, but a coroutine cannot hold a monitor across suspension points; use io.gevent4j.lock.Lock instead"),
  LOCAL_CLASS_COROUTINE("@Coroutine methods must be declared in a top-level or static nested class, not in %s; move the method"),
  PRIVATE_CLASS_COROUTINE("@Coroutine methods cannot be declared in private class %s, which the generated %s cannot see; make the class package-private"),
  PRIVATE_ACCESS("%s is private, so the generated %s cannot use it; make it package-private"),
  PRIVATE_CLASS_USE("private class %s is held as an Object by the generated %s, so it cannot be used %s; make the class package-private"),
  PROTECTED_ACCESS("%s is protected and declared in another package, so the generated %s cannot use it; make it public or call it through a method of this class"),
  PRIVATE_METHOD_REFERENCE("a method reference to private %s cannot be made from the generated %s; write a lambda that calls it instead"),
  PRIVATE_COMPOUND_TARGET("private %s is read and written through accessors, which would evaluate '%s' twice; assign it to a local variable first"),
  PRIVATE_GENERIC_STEP("private %s has a type variable's type, so its accessor cannot apply '%s' to it; write 'x += 1' (or a read and a write) instead"),
  SUPER_ACCESS("this use of 'super' cannot be made from a @Coroutine body, which runs in a generated class (calls 'super.m(...)' and 'Iface.super.m(...)' can, outside lambdas for a @Coroutine m); use a method of this class instead"),
  SUSPENSION_IN_LAMBDA("@Yielding call to %s inside a lambda cannot suspend; move it into a @Coroutine method"),
  SUSPENSION_IN_CLASS("@Yielding call to %s inside an anonymous or local class cannot suspend; move it into a @Coroutine method"),
  SUSPENSION_IN_METHOD_REFERENCE("method reference to %s cannot suspend: it would be called by code that gevent4j does not transform; call it from a @Coroutine method instead"),
  SUSPENDING_CONSTRUCTOR("the constructor of %s calls %s (line %d), which may suspend; called from a coroutine it would fail at run time, and a constructor cannot be a @Coroutine: move that call into the coroutine or a @Coroutine factory method"),
  INDIRECT_SUSPENSION("%s is not a @Coroutine but calls %s (line %d), which may suspend; called from a coroutine it would fail at run time. Annotate %s with @Coroutine"),
  OVERRIDDEN("%s overrides @Coroutine method %s but is not a @Coroutine, so coroutines calling %s would run it as plain code, which cannot suspend; %s"),
  OVERRIDES_PLAIN("@Coroutine method %s overrides plain method %s, so a call through %s%s would run it as plain code, which cannot suspend; give the coroutine another name (and keep a plain %s for the callers of %s)"),
  YIELDING_AND_COROUTINE("%s is both @Yielding and @Coroutine; a @Yielding method is a primitive written with Waiter, a @Coroutine is compiled into a state machine. Keep one"),
  YIELDING_SHAPE("@Yielding method %s uses the result of %s; inside a coroutine that call returns a placeholder. Make 'return %s' the method's last action"),
  SUSPENSION_IN_SYNCHRONIZED("@Yielding call to %s inside a synchronized block would suspend while holding a monitor; use io.gevent4j lock primitives instead"),
  VAR_OF_ANONYMOUS_CLASS("javac cannot compile a 'var' of an anonymous class type again after annotation processing has attributed its class (a javac limitation, with or without gevent4j's output); declare '%s' with a named type"),
  UNSUPPORTED_CONSTRUCT("%s is not supported in a @Coroutine body yet"),
  BLOCKING_CALL("%s blocks the hub's thread and every greenlet on it; call %s instead, or enable compile-time monkey patching with @MonkeyPatch or -Agevent4j.monkeyPatch=true, or suppress this with @SuppressWarnings(\"gevent4j:blocking\")", Diagnostic.Kind.WARNING),
  /** A blocking call that monkey patching cannot rewrite: the same key, no suggestion to enable it. */
  BLOCKING_CALL_NOT_PATCHABLE("CoroutineBlockingCall", "%s blocks the hub's thread and every greenlet on it, and monkey patching cannot rewrite it; use %s instead, or suppress this with @SuppressWarnings(\"gevent4j:blocking\")", Diagnostic.Kind.WARNING),
  BLOCKING_CALL_IN_LAMBDA("%s blocks the hub's thread and every greenlet on it; inside a lambda, method reference or class it runs as plain code, so patching cannot make it cooperative (it is never patched there): use %s from the @Coroutine body itself, or suppress this with @SuppressWarnings(\"gevent4j:blocking\")", Diagnostic.Kind.WARNING),
  NO_TREE_API("gevent4j needs javac's com.sun.source tree API, which this compiler does not provide (%s); build with javac"),
  INTERNAL_ERROR("gevent4j failed on this method: %s; please report it with this method's source");

  private final String key;
  private final String format;
  private final Diagnostic.Kind kind;

  Message(String format) {
    this(format, Diagnostic.Kind.ERROR);
  }

  Message(String format, Diagnostic.Kind kind) {
    this(null, format, kind);
  }

  /** A message sharing another's key ({@code key}), with a text of its own. */
  Message(String key, String format, Diagnostic.Kind kind) {
    this.key = key;
    this.format = format;
    this.kind = kind;
  }

  /** The diagnostic kind: an error unless declared otherwise. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The stable key, as {@code CoroutineSuspensionInLambda}. */
  public String key() {
    if (this.key != null) {
      return this.key;
    }
    StringBuilder key = new StringBuilder("Coroutine");
    for (String word : name().split("_")) {
      key.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return key.toString();
  }

  /** The full text: {@code [Key] formatted message}. */
  public String format(Object... arguments) {
    return "[" + key() + "] " + String.format(format, arguments);
  }
}
