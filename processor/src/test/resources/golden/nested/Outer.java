package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Outer {
  static class Inner {
    @Coroutine
    static String greet(String who) {
      Gevent.sleep(1);
      return "hello " + who;
    }
  }
}
