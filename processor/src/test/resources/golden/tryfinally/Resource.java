package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Resource {
  @Coroutine
  static String use(String key) {
    String result = "none";
    try {
      Gevent.sleep(5);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("empty key");
      }
      result = key.toUpperCase();
    } catch (IllegalArgumentException e) {
      result = "bad: " + e.getMessage();
    } finally {
      Gevent.sleep(1);
      System.out.println("released " + key);
    }
    return result;
  }
}
