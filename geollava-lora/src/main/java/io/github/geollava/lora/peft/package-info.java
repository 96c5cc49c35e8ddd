/**
 * PEFT adapter folders: {@code adapter_config.json} and {@code adapter_model.safetensors} with PEFT's
 * key names, read and written by {@link io.github.geollava.lora.peft.PeftAdapters}.
 */
package io.github.geollava.lora.peft;
