import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.test.GeventExtension;
import io.gevent4j.test.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GeventExtension.class)
class HelloTest {
  @Test
  void fivePrintsTakeFiveSeconds(TestHub hub) {
    Greenlet<Void> f = Gevent.spawn(HelloCoroutines.f(5));
    hub.advanceTime(4000);               // runs what is due in the next 4 s of virtual time
    assertFalse(f.isDead());
    f.join();                            // at once: the clock jumps from sleep to sleep
    assertEquals(5000, hub.currentTimeMillis());
  }
}
