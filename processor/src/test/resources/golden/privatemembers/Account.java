package p;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

public class Account {
  private long balance;
  private int operations;

  private void audit(String what) {
    System.out.println(what + " " + balance);
  }

  @Coroutine
  public long deposit(long amount) {
    Gevent.sleep(1);
    balance += amount;
    operations++;
    audit("deposit");
    return balance;
  }
}
