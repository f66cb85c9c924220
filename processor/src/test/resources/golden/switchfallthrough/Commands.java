package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Commands {
  @Coroutine
  static int run(String command) {
    int steps = 0;
    switch (command) {
      case "slow":
        Gevent.sleep(100);
        steps++;
        // fall through
      case "fast":
        Gevent.sleep(1);
        steps++;
        break;
      case "skip":
        return -1;
      default:
        steps = 0;
    }
    return steps;
  }
}
