package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Shapes {
  public interface Shape {
    @Coroutine
    int area(int scale);

    @Coroutine
    default int twice(int scale) {
      return area(scale) + area(scale);
    }
  }

  public static class Square implements Shape {
    final int side;

    Square(int side) {
      this.side = side;
    }

    @Coroutine
    @Override
    public int area(int scale) {
      Gevent.sleep(1);
      return side * side * scale;
    }
  }

  public static final class Cube extends Square {
    Cube(int side) {
      super(side);
    }

    @Coroutine
    @Override
    public int area(int scale) {
      return 6 * super.area(scale);
    }
  }
}
