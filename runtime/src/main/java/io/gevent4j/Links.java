package io.gevent4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The link callbacks of a greenlet, as one field's value: null, one callback, or a {@code List} of
 * them, so that a greenlet with one link (a join) allocates nothing more. Hub thread only.
 */
final class Links {
  private Links() {}

  /** {@code links} with {@code callback} added last. */
  @SuppressWarnings("unchecked")
  static Object add(Object links, Object callback) {
    if (links == null) {
      return callback;
    }
    if (links instanceof List) {
      ((List<Object>) links).add(callback);
      return links;
    }
    List<Object> several = new ArrayList<>(4);
    several.add(links);
    several.add(callback);
    return several;
  }

  /** {@code links} without the first registration of {@code callback}, itself or filtered. */
  static Object remove(Object links, Object callback) {
    if (isLinkOf(links, callback)) {
      return null;
    }
    if (links instanceof List) {
      List<?> several = (List<?>) links;
      for (int i = 0; i < several.size(); i++) {
        if (isLinkOf(several.get(i), callback)) {
          several.remove(i);
          break;
        }
      }
    }
    return links;
  }

  /** The first callback of non-null {@code links}. */
  static Object first(Object links) {
    return links instanceof List ? ((List<?>) links).get(0) : links;
  }

  /** Non-null {@code links} without its first callback. */
  static Object withoutFirst(Object links) {
    if (!(links instanceof List)) {
      return null;
    }
    List<?> several = (List<?>) links;
    several.remove(0);
    return several.isEmpty() ? null : several;
  }

  /** {@code callback}, run only if the greenlet finished without an exception ({@code onSuccess}) or with one. */
  static <T> Consumer<Greenlet<T>> filtered(Consumer<? super Greenlet<T>> callback, boolean onSuccess) {
    return new Filtered<>(callback, onSuccess);
  }

  private static boolean isLinkOf(Object link, Object callback) {
    return link == callback || (link instanceof Filtered && ((Filtered<?>) link).callback == callback);
  }

  /** A callback of {@link Greenlet#linkValue} or {@link Greenlet#linkException}. */
  private static final class Filtered<T> implements Consumer<Greenlet<T>> {
    final Consumer<? super Greenlet<T>> callback;
    private final boolean onSuccess;

    Filtered(Consumer<? super Greenlet<T>> callback, boolean onSuccess) {
      this.callback = callback;
      this.onSuccess = onSuccess;
    }

    @Override
    public void accept(Greenlet<T> dead) {
      if ((dead.exception() == null) == onSuccess) {
        callback.accept(dead);
      }
    }

    @Override
    public String toString() {
      return callback.toString();
    }
  }
}
