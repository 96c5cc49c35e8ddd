package io.github.geollava.core.nn;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hugging Face-style dotted module paths over any DJL block tree (e.g.
 * {@code language_model.model.layers.3.self_attn.q_proj}).
 *
 * <p>DJL's {@code AbstractBlock.addChildBlock} stores a child as {@code String.format("%02d%s",
 * index + 1, name)}; a path segment is that name with exactly this prefix removed. Works for the
 * model's own {@link HfBlock}s and for plain DJL containers: the children of a {@code SequentialBlock}
 * or {@code ParallelBlock} are named by DJL after their class ({@code 01Linear}, {@code 02Linear}), so
 * there, as in PyTorch's {@code nn.Sequential}, the segment is the 0-based index ({@code 0}, {@code 1}).
 */
public final class ModulePaths {

  private static final Field CHILDREN;

  static {
    try {
      CHILDREN = AbstractBlock.class.getDeclaredField("children");
      CHILDREN.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ModulePaths() {}

  /**
   * The Hugging Face name of a child from its DJL name.
   *
   * @param djlChildName the key in the parent's children list, e.g. {@code 03q_proj}
   * @param index the child's position in that list (0-based)
   * @return the name without DJL's prefix ({@code q_proj}); for a child DJL named with its bare
   *     prefix (no name) the 0-based index
   */
  public static String hfName(String djlChildName, int index) {
    String prefix = String.format(Locale.ROOT, "%02d", index + 1);
    if (djlChildName.startsWith(prefix)) {
      String rest = djlChildName.substring(prefix.length());
      return rest.isEmpty() ? Integer.toString(index) : rest;
    }
    return djlChildName;
  }

  /**
   * Every block of the tree by its dotted path, parents before children; the root is {@code ""}.
   *
   * @param root the root block
   * @return an ordered map from path to block
   */
  public static LinkedHashMap<String, Block> modules(Block root) {
    LinkedHashMap<String, Block> out = new LinkedHashMap<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(Block block, String path, Map<String, Block> out) {
    out.put(path, block);
    BlockList kids = block.getChildren();
    for (int i = 0; i < kids.size(); i++) {
      String name = segment(block, kids.keyAt(i), i);
      collect(kids.valueAt(i), path.isEmpty() ? name : path + "." + name, out);
    }
  }

  /**
   * The block at a path.
   *
   * @param root the root block
   * @param path a dotted path ({@code ""} for the root)
   * @return the block
   * @throws IllegalArgumentException naming the first missing segment
   */
  public static Block get(Block root, String path) {
    if (path.isEmpty()) {
      return root;
    }
    Block b = root;
    String walked = "";
    for (String seg : path.split("\\.", -1)) {
      BlockList kids = b.getChildren();
      Block next = null;
      for (int i = 0; i < kids.size() && next == null; i++) {
        if (segment(b, kids.keyAt(i), i).equals(seg)) {
          next = kids.valueAt(i);
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("no module '" + seg + "' under '" + walked
            + "' while resolving '" + path + "'");
      }
      walked = walked.isEmpty() ? seg : walked + "." + seg;
      b = next;
    }
    return b;
  }

  /**
   * Replaces the block at a path, keeping its position and DJL name in its parent.
   *
   * @param root the root block
   * @param path the dotted path of the block to replace (not the root)
   * @param replacement the new block
   * @throws IllegalArgumentException if the path does not exist or its parent is not an
   *     {@code AbstractBlock}
   */
  public static void replace(Block root, String path, Block replacement) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot replace the root block");
    }
    int dot = path.lastIndexOf('.');
    String parentPath = dot < 0 ? "" : path.substring(0, dot);
    String name = path.substring(dot + 1);
    Block parent = get(root, parentPath);
    if (parent instanceof HfBlock hf) {
      hf.replaceChild(name, replacement);
      return;
    }
    if (!(parent instanceof AbstractBlock ab)) {
      throw new IllegalArgumentException("cannot replace '" + path + "': its parent is a "
          + parent.getClass().getName() + ", not an AbstractBlock");
    }
    BlockList kids = childrenOf(ab);
    for (int i = 0; i < kids.size(); i++) {
      if (segment(parent, kids.keyAt(i), i).equals(name)) {
        String djlName = kids.keyAt(i);
        kids.remove(i);
        kids.add(i, djlName, replacement);
        return;
      }
    }
    throw new IllegalArgumentException("no module '" + name + "' under '" + parentPath
        + "' while replacing '" + path + "'");
  }

  /**
   * Every parameter of the tree by its Hugging Face name ({@code <module path>.<parameter name>},
   * e.g. {@code language_model.lm_head.weight}), in module order.
   *
   * @param root the root block
   * @return an ordered map from name to parameter
   */
  public static Map<String, Parameter> parameters(Block root) {
    LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
    for (Map.Entry<String, Block> e : modules(root).entrySet()) {
      for (Pair<String, Parameter> p : e.getValue().getDirectParameters()) {
        String key = e.getKey().isEmpty() ? p.getKey() : e.getKey() + "." + p.getKey();
        out.put(key, p.getValue());
      }
    }
    return out;
  }

  /** The path segment of a child: its index inside DJL's anonymous containers, else its HF name. */
  private static String segment(Block parent, String djlChildName, int index) {
    if (parent instanceof SequentialBlock || parent instanceof ParallelBlock) {
      return Integer.toString(index);
    }
    return hfName(djlChildName, index);
  }

  private static BlockList childrenOf(AbstractBlock block) {
    try {
      return (BlockList) CHILDREN.get(block);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read AbstractBlock.children of " + block, e);
    }
  }
}
