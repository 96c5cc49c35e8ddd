package io.github.geollava.lora.inject;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.quant.BnbCheckpoint;
import io.github.geollava.lora.quant.QuantizedTensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores a quantized frozen base from a bitsandbytes-layout safetensors file (written by
 * {@code geollava quantize} or a Hugging Face 4-bit/8-bit checkpoint) without re-quantizing: every
 * quantized {@code <module>.weight} replaces the {@link Linear} at {@code <module>} (or the base of the
 * {@link LoraLinear} there) with a {@link QuantizedLinear} holding the stored codes and scales.
 */
public final class QuantizedBaseLoader {

  private QuantizedBaseLoader() {}

  /**
   * Swaps in the quantized layers.
   *
   * @param root the model (its dense layers initialised, e.g. from the float checkpoint or randomly)
   * @param file the quantized checkpoint
   * @param manager owner (and device) of the packed weights
   * @return the module paths now quantized
   * @throws IllegalArgumentException naming the tensor when its module is missing or not a linear
   *     layer of the same shape
   */
  public static List<String> load(Block root, SafetensorsFile file, NDManager manager)
      throws IOException {
    List<String> done = new ArrayList<>();
    for (String name : BnbCheckpoint.quantizedNames(file)) {
      if (!name.endsWith(".weight")) {
        continue;
      }
      String path = name.substring(0, name.length() - ".weight".length());
      Block target = ModulePaths.get(root, path);
      String replacePath = path;
      if (target instanceof LoraLinear l) {
        target = l.base();
        replacePath = path + ".base_layer";
      }
      if (!(target instanceof Linear lin)) {
        throw new IllegalArgumentException(file.path() + ": '" + name + "' belongs to module '"
            + path + "', which is a " + target.getClass().getSimpleName() + ", not a Linear");
      }
      QuantizedTensor t = BnbCheckpoint.read(file, name);
      NDArray w = lin.getParameters().get("weight").getArray();
      if (!java.util.Arrays.equals(w.getShape().getShape(), t.shape())) {
        throw new IllegalArgumentException(file.path() + ": '" + name + "' has shape "
            + java.util.Arrays.toString(t.shape()) + " but the model's weight is " + w.getShape());
      }
      NDArray bias = null;
      try (NDManager tmp = manager.newSubManager()) {
        if (file.contains(path + ".bias")) {
          bias = tmp.create(file.readFloats(path + ".bias"));
        } else if (lin.getParameters().contains("bias")) {
          Parameter b = lin.getParameters().get("bias");
          bias = b.isInitialized() ? b.getArray() : null;
        }
        QuantizedLinear q = new QuantizedLinear(t, bias, manager);
        q.freezeParameters(true);
        ModulePaths.replace(root, replacePath, q);
      }
      done.add(path);
    }
    return done;
  }
}
