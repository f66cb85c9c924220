package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Echo {
  @Coroutine
  static int f(int n) {
    Gevent.sleep(n);
    return n + 1;
  }

  @Coroutine
  static String f(String s) {
    Gevent.sleep(1);
    return s + "!";
  }
}
