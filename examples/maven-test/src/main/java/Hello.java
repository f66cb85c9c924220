import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Hello {
  @Coroutine
  static void f(int n) {
    for (int i = 0; i < n; i++) {
      System.out.println(Gevent.getCurrent() + " " + i);
      Gevent.sleep(1000);                 // suspends this greenlet only
    }
  }

  public static void main(String[] args) {
    Gevent.joinAll(Gevent.spawn(HelloCoroutines.f(5)), Gevent.spawn(HelloCoroutines.f(5)));
  }
}
