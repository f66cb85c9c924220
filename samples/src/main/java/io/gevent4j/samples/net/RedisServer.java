package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.LimitExceededException;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Redis-protocol (RESP) server with an in-memory store: PING, ECHO, SET, GET, DEL, INCR, EXISTS
 * (and CONFIG GET, answered empty, for redis-benchmark). All connections share one store; they
 * run on several hubs (threads), so the store is a {@link ConcurrentHashMap} and INCR one atomic
 * {@code compute}. Requests are bounded ({@link #MAX_ARGUMENTS} arguments of at
 * most {@link #MAX_VALUE} bytes); an oversized one gets an error and the connection is closed.
 * Try {@code redis-cli -p 6380 ping} or {@code redis-benchmark -p 6380}.
 */
public final class RedisServer {
  static final int MAX_LINE = 64 * 1024;
  static final int MAX_ARGUMENTS = 1024;
  static final int MAX_VALUE = 512 * 1024;

  /** The store, shared by the hubs. */
  static final Map<String, byte[]> STORE = new ConcurrentHashMap<>();

  private RedisServer() {}

  /** Answers commands on one connection until the client closes it. */
  @Coroutine
  static void handle(Socket socket) throws IOException {
    try {
      for (String header = socket.readLine(MAX_LINE); header != null; header = socket.readLine(MAX_LINE)) {
        List<byte[]> command = new ArrayList<>();
        if (header.startsWith("*")) {
          int count = Integer.parseInt(header.substring(1));
          if (count < 0 || count > MAX_ARGUMENTS) {
            throw new NumberFormatException("too many arguments: " + count);
          }
          for (int i = 0; i < count; i++) {
            String length = socket.readLine(32);
            if (length == null || !length.startsWith("$")) {
              throw new NumberFormatException("expected a bulk string");
            }
            int size = Integer.parseInt(length.substring(1));
            if (size < 0 || size > MAX_VALUE) {
              throw new NumberFormatException("value too large: " + size);
            }
            byte[] value = socket.readExactly(size + 2);
            command.add(java.util.Arrays.copyOf(value, size));
          }
        } else {
          for (String word : header.trim().split("\\s+")) {
            command.add(word.getBytes(StandardCharsets.UTF_8));
          }
        }
        socket.write(java.nio.ByteBuffer.wrap(execute(command).getBytes(StandardCharsets.ISO_8859_1)));
      }
    } catch (LimitExceededException | NumberFormatException e) {
      Replies.bestEffort(socket, "-ERR " + e.getMessage() + "\r\n");
    } catch (IOException e) {
      // the client reset or vanished: nothing left to answer
    }
  }

  /** Runs one command against {@link #STORE}; returns the RESP reply (bytes as ISO-8859-1 chars). */
  static String execute(List<byte[]> command) {
    if (command.isEmpty()) {
      return "-ERR empty command\r\n";
    }
    String name = new String(command.get(0), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    int arity = command.size() - 1;
    switch (name) {
      case "PING":
        return arity == 0 ? "+PONG\r\n" : bulk(command.get(1));
      case "ECHO":
        return arity == 1 ? bulk(command.get(1)) : wrongArity(name);
      case "SET":
        if (arity < 2) {
          return wrongArity(name);
        }
        STORE.put(key(command), command.get(2));
        return "+OK\r\n";
      case "GET":
        return arity == 1 ? bulk(STORE.get(key(command))) : wrongArity(name);
      case "DEL":
      case "EXISTS": {
        int count = 0;
        for (int i = 1; i < command.size(); i++) {
          String key = new String(command.get(i), StandardCharsets.UTF_8);
          if (name.equals("DEL") ? STORE.remove(key) != null : STORE.containsKey(key)) {
            count++;
          }
        }
        return ":" + count + "\r\n";
      }
      case "INCR": {
        if (arity != 1) {
          return wrongArity(name);
        }
        try {
          byte[] value = STORE.compute(key(command), (key, old) ->
              Long.toString((old == null ? 0 : Long.parseLong(new String(old, StandardCharsets.UTF_8))) + 1).getBytes(StandardCharsets.UTF_8));
          return ":" + new String(value, StandardCharsets.UTF_8) + "\r\n";
        } catch (NumberFormatException e) {
          return "-ERR value is not an integer or out of range\r\n";
        }
      }
      case "CONFIG":
        return "*0\r\n";
      default:
        return "-ERR unknown command '" + name + "'\r\n";
    }
  }

  private static String key(List<byte[]> command) {
    return new String(command.get(1), StandardCharsets.UTF_8);
  }

  private static String bulk(byte[] value) {
    return value == null ? "$-1\r\n" : "$" + value.length + "\r\n" + new String(value, StandardCharsets.ISO_8859_1) + "\r\n";
  }

  private static String wrongArity(String name) {
    return "-ERR wrong number of arguments for '" + name.toLowerCase(Locale.ROOT) + "' command\r\n";
  }

  /** {@code RedisServer [port] [hubs]}: serves on 127.0.0.1, port 6380 by default, on one hub per core by default. */
  public static void main(String[] args) throws IOException {
    Serving.serveForever("redis server", new StreamServer(Ports.loopback(args, 6380), RedisServerCoroutines::handle), args);
  }
}
