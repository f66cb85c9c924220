package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.List;

public class Batch {
  @Coroutine
  static int total(List<Integer> items) {
    int sum = 0;
    for (int item : items) {
      Gevent.sleep(1);
      sum += item;
    }
    return sum;
  }
}
