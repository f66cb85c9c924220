package io.gevent4j.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Hub thread only. A {@link Transport} straight through the channel. */
final class PlainTransport implements Transport {
  private final SocketChannel channel;

  PlainTransport(SocketChannel channel) {
    this.channel = channel;
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    return channel.read(target);
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    channel.write(source);
  }

  @Override
  public boolean flush() {
    return true;
  }

  @Override
  public int interest(int op) {
    return op;
  }

  @Override
  public boolean directionsShareState() {
    return false;
  }

  @Override
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void closing() {
    // nothing to say before closing
  }
}
