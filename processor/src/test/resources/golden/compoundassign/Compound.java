package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Compound {
  @Coroutine
  static int y() {
    Gevent.sleep(0);
    return 3;
  }

  @Coroutine
  static int scale(int x) {
    x *= 2 + y();
    return x;
  }
}
