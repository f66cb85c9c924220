package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Chain {
  @Coroutine
  static int fetch(int id) {
    Gevent.sleep(20);
    return id * 10;
  }

  @Coroutine
  static int fetchTwice(int id) {
    int first = fetch(id);
    return fetch(first);
  }
}
