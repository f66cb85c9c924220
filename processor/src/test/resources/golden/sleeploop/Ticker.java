package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Ticker {
  @Coroutine
  static void tick(int n) {
    for (int i = 0; i < n; i++) {
      System.out.println("tick " + i);
      Gevent.sleep(100);
    }
  }
}
