/**
 * The LoRA layer ({@link io.github.geollava.lora.layer.LoraLinear}) wrapping a frozen base: a dense
 * {@code ai.djl.nn.core.Linear} or a {@link io.github.geollava.lora.layer.QuantizedLinear} whose
 * weight stays quantized and is dequantised inside {@code forward}.
 */
package io.github.geollava.lora.layer;
