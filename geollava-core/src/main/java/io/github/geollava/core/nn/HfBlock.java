package io.github.geollava.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of the model's blocks: children are registered under their Hugging Face module names and
 * looked up in DJL's {@code children} list at every forward, never cached in fields, so that
 * {@link ModulePaths#replace} (LoRA wrappers, pruning) takes effect immediately.
 *
 * <p>Each child is registered with the input shape it receives (trailing dimensions only, e.g.
 * {@code (C)} for a linear layer), which {@link #initializeChildBlocks} uses to initialise it; a
 * replacement is initialised with the same shape.
 */
public abstract class HfBlock extends AbstractBlock {

  private final Map<String, Shape> childInputShapes = new HashMap<>();

  /** Creates a block with no children yet. */
  protected HfBlock() {}

  /**
   * Registers a child under its Hugging Face name.
   *
   * @param hfName the module name, e.g. {@code q_proj} or {@code 3}
   * @param block the child
   * @param inputShape the shape of the child's input used to initialise it (e.g. {@code (1, C)})
   * @param <B> the child's type
   * @return the child
   */
  protected final <B extends Block> B addChild(String hfName, B block, Shape inputShape) {
    if (indexOf(hfName) >= 0) {
      throw new IllegalArgumentException(
          "duplicate child '" + hfName + "' in " + getClass().getSimpleName());
    }
    childInputShapes.put(hfName, inputShape);
    return addChildBlock(hfName, block);
  }

  /**
   * Adds a parameter with a fixed shape, named as in the Hugging Face checkpoint.
   *
   * @param name the parameter name (e.g. {@code weight}, {@code class_embedding})
   * @param type its type (decides the default initializer)
   * @param shape its shape
   * @return the parameter
   */
  protected final Parameter addHfParameter(String name, Parameter.Type type, Shape shape) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).build());
  }

  /**
   * The current child under a Hugging Face name (the replacement, if one was swapped in).
   *
   * @param hfName the module name
   * @return the child
   * @throws IllegalStateException if there is none
   */
  public final Block child(String hfName) {
    int i = indexOf(hfName);
    if (i < 0) {
      throw new IllegalStateException("no child '" + hfName + "' in " + getClass().getSimpleName());
    }
    return children.valueAt(i);
  }

  /**
   * Replaces a child, keeping its DJL name and position.
   *
   * @param hfName the module name
   * @param replacement the new child
   * @return the child that was replaced
   */
  public final Block replaceChild(String hfName, Block replacement) {
    int i = indexOf(hfName);
    if (i < 0) {
      throw new IllegalArgumentException("no child '" + hfName + "' in " + getClass().getSimpleName());
    }
    String djlName = children.keyAt(i);
    Block old = children.remove(i);
    children.add(i, djlName, replacement);
    return old;
  }

  /**
   * Runs a child on one array.
   *
   * @param store the parameter store
   * @param hfName the child's module name
   * @param x the input
   * @param training whether autograd bookkeeping for training is wanted
   * @return the child's first output
   */
  protected final NDArray call(ParameterStore store, String hfName, NDArray x, boolean training) {
    return child(hfName).forward(store, new NDList(x), training).singletonOrThrow();
  }

  private int indexOf(String hfName) {
    for (int i = 0; i < children.size(); i++) {
      if (ModulePaths.hfName(children.keyAt(i), i).equals(hfName)) {
        return i;
      }
    }
    return -1;
  }

  /** Initialises every child with the input shape it was registered with. */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Pair<String, Block> p : children) {
      String name = ModulePaths.hfName(p.getKey(), children.indexOf(p.getKey()));
      Shape s = childInputShapes.get(name);
      p.getValue().initialize(manager, dataType, s);
    }
  }
}
