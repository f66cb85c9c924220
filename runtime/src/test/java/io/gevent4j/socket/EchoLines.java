package io.gevent4j.socket;

import io.gevent4j.CoroutineFrame;
import java.util.List;

/**
 * {@code echo(socket, label)}: echoes lines (of at most 1000 bytes) until end of stream, logging
 * {@code label} for each, and returns their count; written in the generated-code style.
 */
final class EchoLines extends CoroutineFrame<Integer> {
  private final Socket socket;
  private final String label;
  private final List<String> log;
  private String line;
  private int count;

  EchoLines(Socket socket, String label, List<String> log) {
    this.socket = socket;
    this.label = label;
    this.log = log;
  }

  @Override
  protected Object resume$() throws Throwable {
    for (;;) {
      switch (state$) {
        case 0:
          prepare$();
          line = socket.readLine(1000);
          if (parked$(1)) {
            return SUSPEND;
          }
          // fall through
        case 1:
          if (resumed$()) {
            line = (String) result$();
          }
          if (line == null) {
            return count;
          }
          log.add(label);
          count++;
          prepare$();
          socket.write(line + "\n");
          if (parked$(2)) {
            return SUSPEND;
          }
          // fall through
        case 2:
          if (resumed$()) {
            result$();
          }
          state$ = 0;
          continue;
        default:
          throw new IllegalStateException("state " + state$);
      }
    }
  }

  @Override
  protected String name$() {
    return "echo";
  }

  @Override
  protected Object[] arguments$() {
    return new Object[] {socket, label};
  }
}
