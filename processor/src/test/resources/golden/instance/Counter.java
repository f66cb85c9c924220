package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Counter {
  final String name;
  int count;

  public Counter(String name) {
    this.name = name;
  }

  @Coroutine
  public int bump(int by) {
    int before = this.count;
    Gevent.sleep(10);
    count = before + by;
    System.out.println(name + " -> " + this.count);
    return count;
  }
}
