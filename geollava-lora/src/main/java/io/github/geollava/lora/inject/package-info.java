/**
 * Puts LoRA adapters into any DJL block tree by module path
 * ({@link io.github.geollava.lora.inject.LoraInjector}), turns frozen linears into quantized ones,
 * and counts trainable parameters, including for configurations too big to allocate
 * ({@link io.github.geollava.lora.inject.LinearLayout}).
 */
package io.github.geollava.lora.inject;
