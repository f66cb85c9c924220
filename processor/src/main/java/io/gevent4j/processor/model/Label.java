package io.gevent4j.processor.model;

/** A jump target in a lowered body; it becomes a {@code case} of the state machine. */
public final class Label {
  private final String purpose;
  private int state = -1;

  public Label(String purpose) {
    this.purpose = purpose;
  }

  /** The state number, assigned when the label is placed. */
  public int state() {
    if (state < 0) {
      throw new IllegalStateException("label " + purpose + " was never placed");
    }
    return state;
  }

  public void place(int stateNumber) {
    if (state >= 0) {
      throw new IllegalStateException("label " + purpose + " placed twice");
    }
    this.state = stateNumber;
  }

  @Override
  public String toString() {
    return purpose + "@" + state;
  }
}
