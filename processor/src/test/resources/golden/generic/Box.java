package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.ArrayList;
import java.util.List;

public class Box {
  @Coroutine
  static <T extends Comparable<T>> List<T> delayedSort(List<T> input) {
    List<T> copy = new ArrayList<>(input);
    Gevent.sleep(1);
    copy.sort(null);
    return copy;
  }
}
