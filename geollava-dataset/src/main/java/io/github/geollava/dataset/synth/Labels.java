package io.github.geollava.dataset.synth;

/** Per-pixel classes of the canonical (nuisance-free) render, used to check captions against pixels. */
final class Labels {
  private Labels() {}

  static final byte GROUND = 0;
  static final byte TREE = 1;
  static final byte WATER = 2;
  static final byte ROAD = 3;
  static final byte BUILDING = 4;
  static final byte FIELD = 5;
  static final byte LOT = 6;
  static final byte CAR = 7;
  static final byte SOLAR = 8;
  static final byte PIT = 9;
  static final byte PAVED = 10;
  static final byte SOIL = 11;
  static final byte GRASS = 12;
  static final byte CRAFT = 13;

  /** Counts the pixels of one class. */
  static int count(byte[] labels, byte label) {
    int n = 0;
    for (byte b : labels) {
      n += b == label ? 1 : 0;
    }
    return n;
  }
}
