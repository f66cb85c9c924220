package io.gevent4j.processor.diagnostic;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every blocking JDK call that monkey patching rewrites: without patching it is a
 * {@code [CoroutineBlockingCall]} warning at its line naming the call and its replacement; with
 * patching it compiles without a warning (the generated call of the replacement compiles). Calls
 * through subtypes (a {@code CompletableFuture}'s {@code get}, {@code submit(...).get()}) count.
 * Every blocking call it cannot rewrite is the same warning, patching on or off, naming what to
 * use instead and not suggesting patching; so are the user's own blocking markers. In a lambda,
 * method reference or anonymous class a blocking call is never patched, and its warning says so.
 * {@code @SuppressWarnings("gevent4j:blocking")} on any declaration around the call silences it.
 */
class BlockingCallWarningTest {
  private static JavaFileObject source(String statement) {
    return JavaFileObjects.forSourceLines("p.Warned",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "import java.util.concurrent.*; import java.util.concurrent.locks.*; import java.net.*; import java.io.*; import java.nio.channels.*; import java.sql.*; import java.util.*;",
        "public class Warned {",
        "  @Coroutine static Object f(Future<String> future, CompletableFuture<String> cf, CountDownLatch latch, TimeUnit unit, Thread thread, Semaphore semaphore, BlockingQueue<String> queue, ExecutorService executor, List<Callable<String>> tasks, CompletionStage<String> stage, Object monitor, ReentrantLock reentrant, java.util.concurrent.locks.Lock lock, Condition condition, Socket socket, ServerSocket server, FileInputStream in, FileOutputStream out, RandomAccessFile file, FileChannel channel, Connection connection, ResultSet rows, Process process) throws Exception {",
        "    " + statement + ";",
        "    return null;",
        "  }",
        "}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Thread.sleep(10)                        | Thread.sleep(long)                                             | Gevent.sleep(long)",
    "Thread.sleep(10, 5)                     | Thread.sleep(long,int)                                         | Gevent.sleep(long)",
    "Thread.yield()                          | Thread.yield()                                                 | Gevent.sleep(0)",
    "TimeUnit.SECONDS.sleep(1)               | TimeUnit.sleep(long)                                           | io.gevent4j.monkey.PatchedTimeUnit.sleep(unit, timeout)",
    "unit.sleep(1)                           | TimeUnit.sleep(long)                                           | io.gevent4j.monkey.PatchedTimeUnit.sleep(unit, timeout)",
    "future.get()                            | Future.get()                                                   | io.gevent4j.monkey.PatchedFuture.get(future)",
    "future.get(1, unit)                     | Future.get(long,java.util.concurrent.TimeUnit)                 | io.gevent4j.monkey.PatchedFuture.get(future, timeout, unit)",
    "cf.get()                                | CompletableFuture.get()                                        | io.gevent4j.monkey.PatchedFuture.get(future)",
    "cf.get(1, TimeUnit.SECONDS)             | CompletableFuture.get(long,java.util.concurrent.TimeUnit)      | io.gevent4j.monkey.PatchedFuture.get(future, timeout, unit)",
    "new FutureTask<String>(() -> \"x\").get() | FutureTask.get()                                             | io.gevent4j.monkey.PatchedFuture.get(future)",
    "Executors.newSingleThreadExecutor().submit(() -> 1).get() | Future.get()                               | io.gevent4j.monkey.PatchedFuture.get(future)",
    "cf.join()                               | CompletableFuture.join()                                       | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "cf.thenApply(s -> s).join()             | CompletableFuture.join()                                       | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "latch.await()                           | CountDownLatch.await()                                         | io.gevent4j.monkey.PatchedCountDownLatch.await(latch)",
    "latch.await(1, unit)                    | CountDownLatch.await(long,java.util.concurrent.TimeUnit)       | io.gevent4j.monkey.PatchedCountDownLatch.await(latch, timeout, unit)",
    "thread.join()                           | Thread.join()                                                  | io.gevent4j.monkey.PatchedThread.join(thread)",
    "thread.join(1)                          | Thread.join(long)                                              | io.gevent4j.monkey.PatchedThread.join(thread, millis)",
    "thread.join(1, 2)                       | Thread.join(long,int)                                          | io.gevent4j.monkey.PatchedThread.join(thread, millis, nanos)",
    "Thread.currentThread().join()           | Thread.join()                                                  | io.gevent4j.monkey.PatchedThread.join(thread)",
    "stage.toCompletableFuture().join()      | CompletableFuture.join()                                       | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "semaphore.acquire()                     | Semaphore.acquire()                                            | io.gevent4j.monkey.PatchedSemaphore.acquire(semaphore)",
    "semaphore.acquire(2)                    | Semaphore.acquire(int)                                         | io.gevent4j.monkey.PatchedSemaphore.acquire(semaphore, permits)",
    "semaphore.acquireUninterruptibly()      | Semaphore.acquireUninterruptibly()                             | io.gevent4j.monkey.PatchedSemaphore.acquireUninterruptibly(semaphore)",
    "semaphore.acquireUninterruptibly(2)     | Semaphore.acquireUninterruptibly(int)                          | io.gevent4j.monkey.PatchedSemaphore.acquireUninterruptibly(semaphore, permits)",
    "semaphore.tryAcquire(1, unit)           | Semaphore.tryAcquire(long,java.util.concurrent.TimeUnit)       | io.gevent4j.monkey.PatchedSemaphore.tryAcquire(semaphore, timeout, unit)",
    "semaphore.tryAcquire(2, 1, unit)        | Semaphore.tryAcquire(int,long,java.util.concurrent.TimeUnit)   | io.gevent4j.monkey.PatchedSemaphore.tryAcquire(semaphore, permits, timeout, unit)",
    "queue.take()                            | BlockingQueue.take()                                           | io.gevent4j.monkey.PatchedBlockingQueue.take(queue)",
    "queue.put(\"x\")                        | BlockingQueue.put(java.lang.Object)                                           | io.gevent4j.monkey.PatchedBlockingQueue.put(queue, element)",
    "queue.poll(1, unit)                     | BlockingQueue.poll(long,java.util.concurrent.TimeUnit)         | io.gevent4j.monkey.PatchedBlockingQueue.poll(queue, timeout, unit)",
    "queue.offer(\"x\", 1, unit)             | BlockingQueue.offer(java.lang.Object,long,java.util.concurrent.TimeUnit)      | io.gevent4j.monkey.PatchedBlockingQueue.offer(queue, element, timeout, unit)",
    "new LinkedBlockingDeque<String>().take() | LinkedBlockingDeque.take()                                    | io.gevent4j.monkey.PatchedBlockingQueue.take(queue)",
    "executor.invokeAll(tasks)               | ExecutorService.invokeAll(java.util.Collection) | io.gevent4j.monkey.PatchedExecutorService.invokeAll(executor, tasks)",
    "executor.invokeAll(tasks, 1, unit)      | ExecutorService.invokeAll(java.util.Collection,long,java.util.concurrent.TimeUnit) | io.gevent4j.monkey.PatchedExecutorService.invokeAll(executor, tasks, timeout, unit)",
    "executor.invokeAny(tasks)               | ExecutorService.invokeAny(java.util.Collection) | io.gevent4j.monkey.PatchedExecutorService.invokeAny(executor, tasks)",
    "executor.invokeAny(tasks, 1, unit)      | ExecutorService.invokeAny(java.util.Collection,long,java.util.concurrent.TimeUnit) | io.gevent4j.monkey.PatchedExecutorService.invokeAny(executor, tasks, timeout, unit)",
    "executor.awaitTermination(1, unit)      | ExecutorService.awaitTermination(long,java.util.concurrent.TimeUnit) | io.gevent4j.monkey.PatchedExecutorService.awaitTermination(executor, timeout, unit)",
    "InetAddress.getByName(\"localhost\")     | InetAddress.getByName(java.lang.String)                        | io.gevent4j.monkey.PatchedInetAddress.getByName(host)",
    "InetAddress.getAllByName(\"localhost\")  | InetAddress.getAllByName(java.lang.String)                     | io.gevent4j.monkey.PatchedInetAddress.getAllByName(host)",
  })
  void warnedWithoutPatchingAndCompiledWithIt(String statement, String call, String replacement) {
    JavaFileObject source = source(statement);
    Compilation plain = CoroutineCompiler.standard().compile(source);
    assertThat(plain).succeeded();
    assertThat(plain).hadWarningCount(1);
    assertThat(plain)
        .hadWarningContaining("[CoroutineBlockingCall] " + call + " blocks the hub's thread and every greenlet on it; call "
            + replacement + " instead, or enable compile-time monkey patching with @MonkeyPatch or -Agevent4j.monkeyPatch=true")
        .inFile(source).onLine(6);

    Compilation patched = CoroutineCompiler.withOptions("-Agevent4j.monkeyPatch=true").compile(source);
    assertThat(patched).succeededWithoutWarnings();
  }

  private static final String POOL = "io.gevent4j.threadpool.ThreadPool.defaultPool().call(() -> ...)";
  private static final String EVENT = "an io.gevent4j.event.Event (await() and set()) or an io.gevent4j.event.AsyncResult";
  private static final String SOCKET = "io.gevent4j.socket.Socket (connect, read, write)";
  private static final String QUEUE = "an io.gevent4j.queue.Queue, or POOL";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "monitor.wait()                          | Object.wait()                                  | EVENT",
    "monitor.wait(1)                         | Object.wait(long)                              | EVENT",
    "monitor.wait(1, 2)                      | Object.wait(long,int)                          | EVENT",
    "LockSupport.park()                      | LockSupport.park()                             | io.gevent4j.Waiter (in a @Yielding method) or EVENT",
    "LockSupport.parkNanos(monitor, 1)       | LockSupport.parkNanos(java.lang.Object,long)   | io.gevent4j.Waiter (in a @Yielding method) or EVENT",
    "LockSupport.parkUntil(1)                | LockSupport.parkUntil(long)                    | io.gevent4j.Waiter (in a @Yielding method) or EVENT",
    "lock.lock()                             | Lock.lock()                                    | io.gevent4j.lock.Lock (acquire() and release())",
    "reentrant.lock()                        | ReentrantLock.lock()                           | io.gevent4j.lock.Lock (acquire() and release())",
    "lock.lockInterruptibly()                | Lock.lockInterruptibly()                       | io.gevent4j.lock.Lock (acquire() and release())",
    "lock.tryLock(1, unit)                   | Lock.tryLock(long,java.util.concurrent.TimeUnit) | io.gevent4j.lock.Lock (acquire(timeoutMillis))",
    "condition.await()                       | Condition.await()                              | EVENT",
    "condition.awaitNanos(1)                 | Condition.awaitNanos(long)                     | EVENT",
    "reentrant.newCondition().awaitUninterruptibly() | Condition.awaitUninterruptibly()       | EVENT",
    "new Socket(\"localhost\", 80)           | new Socket(java.lang.String,int)               | SOCKET",
    "socket.connect(null)                    | Socket.connect(java.net.SocketAddress)         | SOCKET",
    "socket.connect(null, 1)                 | Socket.connect(java.net.SocketAddress,int)     | SOCKET",
    "socket.getInputStream()                 | Socket.getInputStream()                        | SOCKET",
    "socket.getOutputStream()                | Socket.getOutputStream()                       | SOCKET",
    "server.accept()                         | ServerSocket.accept()                          | io.gevent4j.socket.ServerSocket.accept() or io.gevent4j.server.StreamServer",
    "java.nio.file.Files.readAllBytes(null)  | Files.readAllBytes(java.nio.file.Path)         | POOL",
    "java.nio.file.Files.exists(null)        | Files.exists(java.nio.file.Path,java.nio.file.LinkOption[]) | POOL",
    "new FileInputStream(\"f\")              | new FileInputStream(java.lang.String)          | POOL",
    "in.read()                               | FileInputStream.read()                         | POOL",
    "in.read(new byte[1], 0, 1)              | FileInputStream.read(byte[],int,int)           | POOL",
    "out.write(1)                            | FileOutputStream.write(int)                    | POOL",
    "file.readInt()                          | RandomAccessFile.readInt()                     | POOL",
    "file.seek(1)                            | RandomAccessFile.seek(long)                    | POOL",
    "channel.read(java.nio.ByteBuffer.allocate(1)) | FileChannel.read(java.nio.ByteBuffer)    | POOL",
    "channel.size()                          | FileChannel.size()                             | POOL",
    "DriverManager.getConnection(\"jdbc:x\") | DriverManager.getConnection(java.lang.String)  | POOL",
    "connection.prepareStatement(\"x\").executeQuery() | PreparedStatement.executeQuery()     | POOL",
    "rows.next()                             | ResultSet.next()                               | POOL",
    "process.waitFor()                       | Process.waitFor()                              | POOL",
    "process.waitFor(1, unit)                | Process.waitFor(long,java.util.concurrent.TimeUnit) | POOL",
    "new LinkedBlockingDeque<String>().takeFirst() | LinkedBlockingDeque.takeFirst()        | QUEUE",
    "new LinkedBlockingDeque<String>().offerLast(\"x\", 1, unit) | LinkedBlockingDeque.offerLast(java.lang.Object,long,java.util.concurrent.TimeUnit) | QUEUE",
    "new LinkedTransferQueue<String>().transfer(\"x\") | LinkedTransferQueue.transfer(java.lang.Object) | QUEUE",
    "new CyclicBarrier(2).await()            | CyclicBarrier.await()                          | POOL",
    "new Phaser(2).arriveAndAwaitAdvance()   | Phaser.arriveAndAwaitAdvance()                 | POOL",
    "new Phaser(2).awaitAdvanceInterruptibly(0, 1, unit) | Phaser.awaitAdvanceInterruptibly(int,long,java.util.concurrent.TimeUnit) | POOL",
    "new Exchanger<String>().exchange(\"x\")  | Exchanger.exchange(java.lang.Object)           | an io.gevent4j.queue.Channel",
    "ForkJoinPool.commonPool().submit(() -> 1).join() | ForkJoinTask.join()                  | POOL",
  })
  void warnedWithOrWithoutPatching(String statement, String call, String replacement) {
    JavaFileObject source = source(statement);
    String expected = "[CoroutineBlockingCall] " + call + " blocks the hub's thread and every greenlet on it, and monkey patching cannot rewrite it; use "
        + replacement.replace("QUEUE", QUEUE).replace("EVENT", EVENT).replace("POOL", POOL).replace("SOCKET", SOCKET)
        + " instead, or suppress this with @SuppressWarnings(\"gevent4j:blocking\")";
    for (CoroutineCompiler compiler : new CoroutineCompiler[] {CoroutineCompiler.standard(), CoroutineCompiler.withOptions("-Agevent4j.monkeyPatch=true")}) {
      Compilation compilation = compiler.compile(source);
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(expected).inFile(source).onLine(6);
      int onThisLine = 0;
      for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
        assertFalse(warning.getMessage(null).contains("enable"), warning.getMessage(null));
        onThisLine += warning.getLineNumber() == 6 ? 1 : 0;
      }
      assertTrue(onThisLine >= 1 && compilation.warnings().size() <= 2, compilation.warnings().toString()); // a call on a call's result: both
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "latch.getCount()", "cf.getNow(null)", "cf.complete(\"x\")", "java.util.Optional.of(1).get()",
    "new java.util.concurrent.atomic.AtomicInteger().get()", "future.isDone()", "unit.toMillis(1)",
    "java.util.Collections.singletonList(1).get(0)",
    "thread.isAlive()", "semaphore.tryAcquire()", "semaphore.release()", "queue.poll()", "queue.offer(\"x\")", "queue.peek()",
    "executor.submit(() -> 1)", "executor.shutdown()", "monitor.notifyAll()", "lock.tryLock()", "lock.unlock()", "condition.signal()",
    "socket.isConnected()", "socket.close()", "in.getFD()", "file.getFilePointer()", "channel.isOpen()", "process.isAlive()",
    "java.sql.Date.valueOf(\"2020-01-01\")", "new java.sql.Timestamp(0).getTime()", "new SQLException(\"x\").getSQLState()",
    "InetAddress.getLoopbackAddress()",
  })
  void lookAlikesAreNotBlocking(String statement) {
    assertThat(CoroutineCompiler.standard().compile(source(statement))).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Runnable r = () -> { try { thread.join(); } catch (InterruptedException e) { } }     | Thread.join()         | io.gevent4j.monkey.PatchedThread.join(thread)",
    "Callable<String> c = () -> queue.take()                                                | BlockingQueue.take()  | io.gevent4j.monkey.PatchedBlockingQueue.take(queue)",
    "Runnable r = () -> { synchronized (monitor) { try { monitor.wait(); } catch (InterruptedException e) { } } } | Object.wait() | EVENT",
    "java.util.function.Supplier<String> s = cf::join                                       | CompletableFuture.join() | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "Callable<String> c = queue::take                                                       | BlockingQueue.take()  | io.gevent4j.monkey.PatchedBlockingQueue.take(queue)",
    "Runnable r = new Runnable() { public void run() { lock.lock(); } }                    | Lock.lock()           | io.gevent4j.lock.Lock (acquire() and release())",
    "Runnable r = new Runnable() { public void run() { semaphore.acquireUninterruptibly(); } } | Semaphore.acquireUninterruptibly() | io.gevent4j.monkey.PatchedSemaphore.acquireUninterruptibly(semaphore)",
    "Callable<Socket> c = () -> new Socket(\"localhost\", 80)                                | new Socket(java.lang.String,int) | SOCKET",
  })
  void inALambdaOrClassNeverPatchedAndSaysSo(String statement, String call, String replacement) {
    JavaFileObject source = source(statement);
    String expected = "[CoroutineBlockingCallInLambda] " + call + " blocks the hub's thread and every greenlet on it; inside a lambda, method reference or class"
        + " it runs as plain code, so patching cannot make it cooperative (it is never patched there): use "
        + replacement.replace("EVENT", EVENT).replace("SOCKET", SOCKET) + " from the @Coroutine body itself";
    for (CoroutineCompiler compiler : new CoroutineCompiler[] {CoroutineCompiler.standard(), CoroutineCompiler.withOptions("-Agevent4j.monkeyPatch=true")}) {
      Compilation compilation = compiler.compile(source);
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(expected).inFile(source).onLine(6);
      assertThat(compilation).hadWarningCount(1);
      assertFalse(compilation.warnings().get(0).getMessage(null).contains("enable"), compilation.warnings().toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "@SuppressWarnings(\"gevent4j:blocking\") Object value = future.get()",
    "@SuppressWarnings({\"unused\", \"gevent4j:blocking\"}) Object value = cf.join()",
    "@SuppressWarnings(\"gevent4j:blocking\") Runnable r = () -> { try { thread.join(); } catch (InterruptedException e) { } }",
    "@SuppressWarnings(\"gevent4j:blocking\") Object value = monitor.equals(null) ? null : rows.next()",
    "Runnable r = new Runnable() { @SuppressWarnings(\"gevent4j:blocking\") public void run() { lock.lock(); } }",
    "@SuppressWarnings(\"gevent4j:blocking\") Socket s = new Socket(\"localhost\", 80)",
  })
  void suppressedByAnEnclosingDeclaration(String statement) {
    assertThat(CoroutineCompiler.standard().compile(source(statement))).succeededWithoutWarnings();
  }

  @Test
  void suppressionCoversOnlyItsDeclaration() {
    JavaFileObject source = JavaFileObjects.forSourceLines("p.Partly",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Partly {",
        "  @Coroutine static void f(Thread thread) throws Exception {",
        "    @SuppressWarnings(\"gevent4j:blocking\") Runnable quiet = () -> Thread.yield();",
        "    thread.join();",
        "  }",
        "}");
    Compilation compilation = CoroutineCompiler.standard().compile(source);
    assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] Thread.join()").inFile(source).onLine(6);
    assertThat(compilation).hadWarningCount(1);
  }

  private static JavaFileObject marked() {
    return JavaFileObjects.forSourceLines("p.Marked",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Marked {",
        "  @interface Slow {}",
        "  static class Dao { void load() {} @Slow void report() {} void fast() {} static void open() {} }",
        "  static class SubDao extends Dao { @Override void load() {} }",
        "  @Slow static class Legacy { void any() {} }",
        "  @Coroutine static void f(Dao dao, SubDao sub, Legacy legacy) {",
        "    dao.load();",
        "    sub.load();",
        "    dao.report();",
        "    legacy.any();",
        "    dao.fast();",
        "    Dao.open();",
        "  }",
        "}");
  }

  @Test
  void userBlockingMarkersAreWarnedWithThePoolAsReplacement() {
    JavaFileObject source = marked();
    for (String patch : new String[] {"false", "true"}) {
      Compilation compilation = CoroutineCompiler.withOptions("-Agevent4j.blockingMarkers= p.Marked.Slow , p.Marked.Dao#load,p.Marked.Dao#open",
          "-Agevent4j.monkeyPatch=" + patch).compile(source);
      assertThat(compilation).succeeded();
      String tail = " blocks the hub's thread and every greenlet on it, and monkey patching cannot rewrite it; use " + POOL + " instead";
      assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] Dao.load()" + tail).inFile(source).onLine(9);
      assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] SubDao.load()" + tail).inFile(source).onLine(10);
      assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] Dao.report()" + tail).inFile(source).onLine(11);
      assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] Legacy.any()" + tail).inFile(source).onLine(12);
      assertThat(compilation).hadWarningContaining("[CoroutineBlockingCall] Dao.open()" + tail).inFile(source).onLine(14);
      assertEquals(5, compilation.warnings().size(), compilation.warnings().toString());
    }
  }

  @Test
  void withoutMarkersTheSameCallsArePlainAndTheOptionIsKnown() {
    assertThat(CoroutineCompiler.standard().compile(marked())).succeededWithoutWarnings();
    assertThat(CoroutineCompiler.withOptions("-Agevent4j.blockingMarkers=").compile(marked())).succeededWithoutWarnings();
    assertThat(CoroutineCompiler.withOptions("-Agevent4j.blockingMarkers=p.Marked.Dao#*").compile(marked())).hadWarningCount(5);
  }
}
