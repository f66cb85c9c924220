package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.ArrayList;
import java.util.List;

public class Tasks {
  @Coroutine
  static List<Runnable> make(List<String> names) {
    List<Runnable> tasks = new ArrayList<>();
    for (String name : names) {
      Gevent.sleep(1);
      tasks.add(() -> System.out.println("task " + name));
    }
    return tasks;
  }
}
