package io.gevent4j.samples.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.test.GeventExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The toolkit sample: bounded producer/consumer, pool map, timeout; in virtual time, leaving nothing behind. */
@ExtendWith(GeventExtension.class)
class ToolkitSampleTest {
  @Test
  void producerConsumerPoolMapAndTimeout() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Toolkit.run(new PrintStream(bytes, true));
    List<String> lines = Arrays.asList(new String(bytes.toByteArray(), StandardCharsets.UTF_8).split("\\R"));
    assertTrue(lines.indexOf("alice got item 0") < lines.indexOf("produced item 3"),
        "the bounded queue makes the producer wait for the consumers");
    assertTrue(lines.contains("alice handled 3, bob handled 3"), lines.toString());
    assertTrue(lines.contains("squares [1, 4, 9, 16, 25]"), lines.toString());
    assertEquals("timed out after 50 ms", lines.get(lines.size() - 1));
  }
}
