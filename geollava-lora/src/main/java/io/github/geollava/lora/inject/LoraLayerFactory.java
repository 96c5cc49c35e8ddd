package io.github.geollava.lora.inject;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.QuantizedLinear;

/**
 * One link of the injector's first-match-wins chain of base types: says whether it can wrap a block
 * and wraps it. The default chain tries {@link #QUANTIZED} before {@link #DENSE}, as PEFT dispatches
 * bitsandbytes layers before {@code nn.Linear}.
 */
public interface LoraLayerFactory {

  /** Whether this factory wraps {@code block}. */
  boolean accepts(Block block);

  /** Wraps {@code block} (frozen) in a LoRA layer without adapters. */
  LoraLinear wrap(Block block);

  /** A {@link QuantizedLinear} base (NF4, FP4, INT8). */
  LoraLayerFactory QUANTIZED = new LoraLayerFactory() {
    @Override
    public boolean accepts(Block block) {
      return block instanceof QuantizedLinear;
    }

    @Override
    public LoraLinear wrap(Block block) {
      return new LoraLinear(block);
    }

    @Override
    public String toString() {
      return "QUANTIZED";
    }
  };

  /** A dense DJL {@link Linear} base. */
  LoraLayerFactory DENSE = new LoraLayerFactory() {
    @Override
    public boolean accepts(Block block) {
      return block instanceof Linear;
    }

    @Override
    public LoraLinear wrap(Block block) {
      return new LoraLinear(block);
    }

    @Override
    public String toString() {
      return "DENSE";
    }
  };
}
