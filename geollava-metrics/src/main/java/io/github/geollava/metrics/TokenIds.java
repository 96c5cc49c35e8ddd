package io.github.geollava.metrics;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Maps tokens to global integer ids without allocating on the hot path: each thread keeps an
 * open-addressing table from token characters to the id of the token's normal form (for example its
 * Porter stem), and a shared registry gives every normal form one id. Equal normal forms get equal
 * ids across threads, so ids can be compared and counted instead of strings.
 *
 * <p>The per-thread tables are cleared when they pass {@value #THREAD_LIMIT} entries, so adversarial
 * inputs cannot grow them without bound; the shared registry holds one entry per distinct normal
 * form seen.
 */
public final class TokenIds {

  static final int THREAD_LIMIT = 1 << 18;

  private final UnaryOperator<String> normalForm;
  private final ConcurrentHashMap<String, Integer> registry = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);

  /**
   * Creates an id space.
   *
   * @param normalForm maps a raw token to the form that decides equality (identity, stem, ...)
   */
  public TokenIds(UnaryOperator<String> normalForm) {
    this.normalForm = normalForm;
  }

  /** The id of the token {@code buf[from, from+len)}. */
  public int id(char[] buf, int from, int len) {
    Table t = tables.get();
    int h = hash(buf, from, len);
    int mask = t.keys.length - 1;
    int slot = h & mask;
    while (true) {
      char[] k = t.keys[slot];
      if (k == null) {
        break;
      }
      if (t.hashes[slot] == h && Arrays.equals(k, 0, k.length, buf, from, from + len)) {
        return t.ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    String raw = new String(buf, from, len);
    String norm = normalForm.apply(raw);
    int id = registry.computeIfAbsent(norm, x -> next.getAndIncrement());
    if (t.size >= THREAD_LIMIT) {
      t.reset();
      mask = t.keys.length - 1;
      slot = h & mask;
      while (t.keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
    }
    t.keys[slot] = Arrays.copyOfRange(buf, from, from + len);
    t.hashes[slot] = h;
    t.ids[slot] = id;
    if (++t.size * 2 > t.keys.length) {
      t.grow();
    }
    return id;
  }

  /** The id of a whole string token. */
  public int id(String token) {
    char[] c = token.toCharArray();
    return id(c, 0, c.length);
  }

  private static int hash(char[] buf, int from, int len) {
    int h = 0;
    for (int i = from; i < from + len; i++) {
      h = 31 * h + buf[i];
    }
    return h ^ (h >>> 16);
  }

  /** One thread's open-addressing table. */
  private static final class Table {
    char[][] keys = new char[1024][];
    int[] hashes = new int[1024];
    int[] ids = new int[1024];
    int size;

    void reset() {
      keys = new char[1024][];
      hashes = new int[1024];
      ids = new int[1024];
      size = 0;
    }

    void grow() {
      char[][] ok = keys;
      int[] oh = hashes;
      int[] oi = ids;
      keys = new char[ok.length * 2][];
      hashes = new int[ok.length * 2];
      ids = new int[ok.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < ok.length; i++) {
        if (ok[i] != null) {
          int s = oh[i] & mask;
          while (keys[s] != null) {
            s = (s + 1) & mask;
          }
          keys[s] = ok[i];
          hashes[s] = oh[i];
          ids[s] = oi[i];
        }
      }
    }
  }
}
