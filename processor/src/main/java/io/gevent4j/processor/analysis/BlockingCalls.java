package io.gevent4j.processor.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The known blocking JDK calls: those monkey patching rewrites (each with the runtime class
 * holding its replacement, a static {@code @Yielding} method of the same name taking, for an
 * instance method, the receiver first) and those it can only warn about (with what to use
 * instead). An instance entry also matches the methods overriding it ({@code CompletableFuture.get()}
 * is {@code Future.get()}); a static entry, or a constructor ({@code <init>}), its own class only.
 * {@code docs/DIAGNOSTICS.md} and the README list the same calls.
 */
final class BlockingCalls {
  private static final String MONKEY = "io.gevent4j.monkey.";
  private static final String TIMEOUT = "long,java.util.concurrent.TimeUnit";
  private static final String ANY = "*";
  /** The owner of an entry for every interface of {@code java.sql}. */
  private static final String JDBC_INTERFACES = "java.sql.*";

  static final String THREAD_POOL = "io.gevent4j.threadpool.ThreadPool.defaultPool().call(() -> ...)";
  private static final String EVENT = "an io.gevent4j.event.Event (await() and set()) or an io.gevent4j.event.AsyncResult";
  private static final String QUEUE = "an io.gevent4j.queue.Queue, or " + THREAD_POOL;
  private static final String SOCKET = "io.gevent4j.socket.Socket (connect, read, write)";

  /** One known call. */
  static final class Entry {
    /** The qualified name of the declaring type, or {@link #JDBC_INTERFACES}. */
    final String owner;
    /** The method's name, {@code <init>} for a constructor, a prefix ending in {@code *}, or {@code *}. */
    final String method;
    /** The erased parameter types, comma-separated, or {@code *} for any. */
    final String parameters;
    /** The runtime class holding the replacement, or null for a call that is only warned about. */
    final String replacementOwner;
    /** What to call instead, as the warning names it. */
    final String advice;

    Entry(String owner, String method, String parameters, String replacementOwner, String advice) {
      this.owner = owner;
      this.method = method;
      this.parameters = parameters;
      this.replacementOwner = replacementOwner;
      this.advice = advice;
    }

    boolean patchable() {
      return replacementOwner != null;
    }

    boolean matchesName(String name) {
      return method.equals(ANY) || method.equals(name)
          || method.endsWith(ANY) && name.startsWith(method.substring(0, method.length() - 1));
    }
  }

  private static Entry patched(String owner, String method, String parameters, String replacement, String advice) {
    return new Entry(owner, method, parameters, MONKEY + replacement, advice);
  }

  private static Entry warned(String owner, String method, String parameters, String advice) {
    return new Entry(owner, method, parameters, null, advice);
  }

  private static final List<Entry> ENTRIES = Collections.unmodifiableList(Arrays.asList(
      // Patched: cooperative with monkey patching on, warned about with it off.
      patched("java.lang.Thread", "sleep", "long", "PatchedThread", "Gevent.sleep(long)"),
      patched("java.lang.Thread", "sleep", "long,int", "PatchedThread", "Gevent.sleep(long)"),
      patched("java.lang.Thread", "sleep", "java.time.Duration", "PatchedThread", "Gevent.sleep(long)"),
      patched("java.lang.Thread", "yield", "", "PatchedThread", "Gevent.sleep(0)"),
      patched("java.lang.Thread", "join", "", "PatchedThread", MONKEY + "PatchedThread.join(thread)"),
      patched("java.lang.Thread", "join", "long", "PatchedThread", MONKEY + "PatchedThread.join(thread, millis)"),
      patched("java.lang.Thread", "join", "long,int", "PatchedThread", MONKEY + "PatchedThread.join(thread, millis, nanos)"),
      patched("java.lang.Thread", "join", "java.time.Duration", "PatchedThread", MONKEY + "PatchedThread.join(thread, duration)"),
      patched("java.util.concurrent.TimeUnit", "sleep", "long", "PatchedTimeUnit", MONKEY + "PatchedTimeUnit.sleep(unit, timeout)"),
      patched("java.util.concurrent.Future", "get", "", "PatchedFuture", MONKEY + "PatchedFuture.get(future)"),
      patched("java.util.concurrent.Future", "get", TIMEOUT, "PatchedFuture", MONKEY + "PatchedFuture.get(future, timeout, unit)"),
      patched("java.util.concurrent.CompletableFuture", "join", "", "PatchedCompletableFuture",
          MONKEY + "PatchedCompletableFuture.join(future)"),
      patched("java.util.concurrent.CountDownLatch", "await", "", "PatchedCountDownLatch", MONKEY + "PatchedCountDownLatch.await(latch)"),
      patched("java.util.concurrent.CountDownLatch", "await", TIMEOUT, "PatchedCountDownLatch",
          MONKEY + "PatchedCountDownLatch.await(latch, timeout, unit)"),
      patched("java.util.concurrent.Semaphore", "acquire", "", "PatchedSemaphore", MONKEY + "PatchedSemaphore.acquire(semaphore)"),
      patched("java.util.concurrent.Semaphore", "acquire", "int", "PatchedSemaphore", MONKEY + "PatchedSemaphore.acquire(semaphore, permits)"),
      patched("java.util.concurrent.Semaphore", "acquireUninterruptibly", "", "PatchedSemaphore",
          MONKEY + "PatchedSemaphore.acquireUninterruptibly(semaphore)"),
      patched("java.util.concurrent.Semaphore", "acquireUninterruptibly", "int", "PatchedSemaphore",
          MONKEY + "PatchedSemaphore.acquireUninterruptibly(semaphore, permits)"),
      patched("java.util.concurrent.Semaphore", "tryAcquire", TIMEOUT, "PatchedSemaphore",
          MONKEY + "PatchedSemaphore.tryAcquire(semaphore, timeout, unit)"),
      patched("java.util.concurrent.Semaphore", "tryAcquire", "int," + TIMEOUT, "PatchedSemaphore",
          MONKEY + "PatchedSemaphore.tryAcquire(semaphore, permits, timeout, unit)"),
      patched("java.util.concurrent.BlockingQueue", "take", "", "PatchedBlockingQueue", MONKEY + "PatchedBlockingQueue.take(queue)"),
      patched("java.util.concurrent.BlockingQueue", "put", "java.lang.Object", "PatchedBlockingQueue",
          MONKEY + "PatchedBlockingQueue.put(queue, element)"),
      patched("java.util.concurrent.BlockingQueue", "poll", TIMEOUT, "PatchedBlockingQueue",
          MONKEY + "PatchedBlockingQueue.poll(queue, timeout, unit)"),
      patched("java.util.concurrent.BlockingQueue", "offer", "java.lang.Object," + TIMEOUT, "PatchedBlockingQueue",
          MONKEY + "PatchedBlockingQueue.offer(queue, element, timeout, unit)"),
      patched("java.util.concurrent.ExecutorService", "invokeAll", "java.util.Collection", "PatchedExecutorService",
          MONKEY + "PatchedExecutorService.invokeAll(executor, tasks)"),
      patched("java.util.concurrent.ExecutorService", "invokeAll", "java.util.Collection," + TIMEOUT, "PatchedExecutorService",
          MONKEY + "PatchedExecutorService.invokeAll(executor, tasks, timeout, unit)"),
      patched("java.util.concurrent.ExecutorService", "invokeAny", "java.util.Collection", "PatchedExecutorService",
          MONKEY + "PatchedExecutorService.invokeAny(executor, tasks)"),
      patched("java.util.concurrent.ExecutorService", "invokeAny", "java.util.Collection," + TIMEOUT, "PatchedExecutorService",
          MONKEY + "PatchedExecutorService.invokeAny(executor, tasks, timeout, unit)"),
      patched("java.util.concurrent.ExecutorService", "awaitTermination", TIMEOUT, "PatchedExecutorService",
          MONKEY + "PatchedExecutorService.awaitTermination(executor, timeout, unit)"),
      patched("java.net.InetAddress", "getByName", "java.lang.String", "PatchedInetAddress", MONKEY + "PatchedInetAddress.getByName(host)"),
      patched("java.net.InetAddress", "getAllByName", "java.lang.String", "PatchedInetAddress",
          MONKEY + "PatchedInetAddress.getAllByName(host)"),

      // Warned about only: no replacement can take their place in the call.
      warned("java.lang.Object", "wait", "", EVENT),
      warned("java.lang.Object", "wait", "long", EVENT),
      warned("java.lang.Object", "wait", "long,int", EVENT),
      warned("java.util.concurrent.locks.LockSupport", "park*", ANY, "io.gevent4j.Waiter (in a @Yielding method) or " + EVENT),
      warned("java.util.concurrent.locks.Lock", "lock", "", "io.gevent4j.lock.Lock (acquire() and release())"),
      warned("java.util.concurrent.locks.Lock", "lockInterruptibly", "", "io.gevent4j.lock.Lock (acquire() and release())"),
      warned("java.util.concurrent.locks.Lock", "tryLock", TIMEOUT, "io.gevent4j.lock.Lock (acquire(timeoutMillis))"),
      warned("java.util.concurrent.locks.Condition", "await*", ANY, EVENT),
      warned("java.net.Socket", "<init>", "java.lang.String,int", SOCKET),
      warned("java.net.Socket", "<init>", "java.net.InetAddress,int", SOCKET),
      warned("java.net.Socket", "<init>", "java.lang.String,int,java.net.InetAddress,int", SOCKET),
      warned("java.net.Socket", "<init>", "java.net.InetAddress,int,java.net.InetAddress,int", SOCKET),
      warned("java.net.Socket", "<init>", "java.lang.String,int,boolean", SOCKET),
      warned("java.net.Socket", "<init>", "java.net.InetAddress,int,boolean", SOCKET),
      warned("java.net.Socket", "connect", ANY, SOCKET),
      warned("java.net.Socket", "getInputStream", "", SOCKET),
      warned("java.net.Socket", "getOutputStream", "", SOCKET),
      warned("java.net.ServerSocket", "accept", "", "io.gevent4j.socket.ServerSocket.accept() or io.gevent4j.server.StreamServer"),
      warned("java.nio.file.Files", ANY, ANY, THREAD_POOL),
      warned("java.io.FileInputStream", "<init>", ANY, THREAD_POOL),
      warned("java.io.FileInputStream", "read*", ANY, THREAD_POOL),
      warned("java.io.FileInputStream", "skip", ANY, THREAD_POOL),
      warned("java.io.FileInputStream", "transferTo", ANY, THREAD_POOL),
      warned("java.io.FileOutputStream", "<init>", ANY, THREAD_POOL),
      warned("java.io.FileOutputStream", "write", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "<init>", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "read*", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "write*", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "skipBytes", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "seek", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "length", ANY, THREAD_POOL),
      warned("java.io.RandomAccessFile", "setLength", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "open", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "read", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "write", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "transferTo", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "transferFrom", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "force", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "map", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "lock", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "size", ANY, THREAD_POOL),
      warned("java.nio.channels.FileChannel", "truncate", ANY, THREAD_POOL),
      warned("java.sql.DriverManager", "getConnection", ANY, THREAD_POOL),
      warned("javax.sql.DataSource", "getConnection", ANY, THREAD_POOL),
      warned(JDBC_INTERFACES, ANY, ANY, THREAD_POOL),
      warned("java.lang.Process", "waitFor", ANY, THREAD_POOL),
      // The rest of java.util.concurrent's waits.
      warned("java.util.concurrent.BlockingDeque", "takeFirst", "", QUEUE),
      warned("java.util.concurrent.BlockingDeque", "takeLast", "", QUEUE),
      warned("java.util.concurrent.BlockingDeque", "putFirst", "java.lang.Object", QUEUE),
      warned("java.util.concurrent.BlockingDeque", "putLast", "java.lang.Object", QUEUE),
      warned("java.util.concurrent.BlockingDeque", "pollFirst", TIMEOUT, QUEUE),
      warned("java.util.concurrent.BlockingDeque", "pollLast", TIMEOUT, QUEUE),
      warned("java.util.concurrent.BlockingDeque", "offerFirst", "java.lang.Object," + TIMEOUT, QUEUE),
      warned("java.util.concurrent.BlockingDeque", "offerLast", "java.lang.Object," + TIMEOUT, QUEUE),
      warned("java.util.concurrent.TransferQueue", "transfer", "java.lang.Object", QUEUE),
      warned("java.util.concurrent.TransferQueue", "tryTransfer", "java.lang.Object," + TIMEOUT, QUEUE),
      warned("java.util.concurrent.CyclicBarrier", "await", ANY, THREAD_POOL),
      warned("java.util.concurrent.Phaser", "arriveAndAwaitAdvance", "", THREAD_POOL),
      warned("java.util.concurrent.Phaser", "awaitAdvance*", ANY, THREAD_POOL),
      warned("java.util.concurrent.Exchanger", "exchange", ANY, "an io.gevent4j.queue.Channel"),
      warned("java.util.concurrent.ForkJoinTask", "join", "", THREAD_POOL),
      warned("java.util.concurrent.ForkJoinTask", "invoke", "", THREAD_POOL)));

  private BlockingCalls() {}

  /** The entry for a call of {@code method}, or null if it is not a known blocking call. */
  static Entry find(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    if (!(owner instanceof TypeElement)) {
      return null;
    }
    String name = method.getSimpleName().toString();
    String parameters = null;
    Set<TypeElement> owners = null;
    for (Entry entry : ENTRIES) {
      if (!entry.matchesName(name)) {
        continue;
      }
      if (owners == null) {
        // An instance method overrides the entry's when its type is a subtype of the entry's
        // owner and it has the same name and erased parameter types; a static one is the entry's.
        owners = method.getModifiers().contains(Modifier.STATIC) || method.getKind() == ElementKind.CONSTRUCTOR
            ? Collections.singleton((TypeElement) owner)
            : supertypes((TypeElement) owner, new LinkedHashSet<>());
        parameters = parameterTypes(method.getParameters());
      }
      if ((entry.parameters.equals(ANY) || parameters.equals(entry.parameters)) && ownedBy(entry, owners, name, parameters)) {
        return entry;
      }
    }
    return null;
  }

  private static boolean ownedBy(Entry entry, Set<TypeElement> owners, String name, String parameters) {
    for (TypeElement type : owners) {
      String qualified = type.getQualifiedName().toString();
      if (entry.owner.equals(JDBC_INTERFACES)) {
        // An interface of java.sql that declares the method (a driver's Connection, Statement...).
        if (type.getKind() == ElementKind.INTERFACE && qualified.startsWith("java.sql.") && declares(type, name, parameters)) {
          return true;
        }
      } else if (entry.owner.equals(qualified)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(TypeElement type, String name, String parameters) {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name)
          && parameterTypes(((ExecutableElement) member).getParameters()).equals(parameters)) {
        return true;
      }
    }
    return false;
  }

  /** {@code type} and all its supertypes, added to {@code into}. */
  static Set<TypeElement> supertypes(TypeElement type, Set<TypeElement> into) {
    if (into.add(type)) {
      supertype(type.getSuperclass(), into);
      for (TypeMirror implemented : type.getInterfaces()) {
        supertype(implemented, into);
      }
    }
    return into;
  }

  private static void supertype(TypeMirror type, Set<TypeElement> into) {
    if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement) {
      supertypes((TypeElement) ((DeclaredType) type).asElement(), into);
    }
  }

  static String parameterTypes(List<? extends Element> parameters) {
    List<String> names = new ArrayList<>();
    for (Element parameter : parameters) {
      TypeMirror type = parameter.asType();
      names.add(type.getKind() == TypeKind.DECLARED ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
          : type.getKind() == TypeKind.TYPEVAR ? erasure(type) : type.toString());
    }
    return String.join(",", names);
  }

  /** A type variable's erasure, as javac writes it: its first bound's declared type. */
  private static String erasure(TypeMirror typeVariable) {
    TypeMirror bound = ((javax.lang.model.type.TypeVariable) typeVariable).getUpperBound();
    if (bound.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) bound).asElement()).getQualifiedName().toString();
    }
    if (bound.getKind() == TypeKind.INTERSECTION) {
      TypeMirror first = ((javax.lang.model.type.IntersectionType) bound).getBounds().get(0);
      return first.getKind() == TypeKind.DECLARED ? ((TypeElement) ((DeclaredType) first).asElement()).getQualifiedName().toString() : first.toString();
    }
    return bound.toString();
  }
}
