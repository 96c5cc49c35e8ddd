package io.github.geollava.prune.mask;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.github.geollava.core.nn.ModulePaths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the weights of {@code ai.djl.nn.core.Linear} blocks in any DJL block tree by their Hugging Face
 * dotted module path ({@link ModulePaths}).
 *
 * <p>A LoRA wrapper that keeps the frozen layer as a child named {@code base_layer} (PEFT's layout) is
 * looked through: masks keyed {@code q_proj} apply to {@code q_proj.base_layer}'s weight.
 */
public final class LinearWeights {

  /** PEFT's child name for the wrapped layer of a LoRA module. */
  public static final String BASE_LAYER = "base_layer";

  private LinearWeights() {}

  /**
   * Every {@code Linear} weight of the tree, in module order.
   *
   * @param root the root block
   * @return module path to weight parameter
   */
  public static Map<String, Parameter> all(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Map.Entry<String, Block> e : ModulePaths.modules(root).entrySet()) {
      if (e.getValue() instanceof Linear linear) {
        out.put(e.getKey(), weightOf(linear, e.getKey()));
      }
    }
    return out;
  }

  /**
   * The weight of the {@code Linear} at a path (or of its {@code base_layer} child).
   *
   * @param root the root block
   * @param path the module path
   * @return the weight parameter
   * @throws IllegalArgumentException if there is no such module or it is not a {@code Linear}
   */
  public static Parameter at(Block root, String path) {
    Block b = ModulePaths.get(root, path);
    if (!(b instanceof Linear)) {
      Map<String, Block> kids = ModulePaths.modules(b);
      Block base = kids.get(BASE_LAYER);
      if (base instanceof Linear) {
        b = base;
      } else {
        throw new IllegalArgumentException("module '" + path + "' is a " + b.getClass().getSimpleName()
            + ", not a Linear (nor a wrapper with a Linear '" + BASE_LAYER + "')");
      }
    }
    return weightOf((Linear) b, path);
  }

  private static Parameter weightOf(Linear linear, String path) {
    for (var p : linear.getDirectParameters()) {
      if ("weight".equals(p.getKey())) {
        return p.getValue();
      }
    }
    throw new IllegalArgumentException("Linear '" + path + "' has no 'weight' parameter");
  }
}
