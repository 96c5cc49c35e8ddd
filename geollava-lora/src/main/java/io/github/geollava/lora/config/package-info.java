/**
 * LoRA configuration with PEFT's fields ({@link io.github.geollava.lora.config.LoraConfig}) and its
 * {@code adapter_config.json} mapping ({@link io.github.geollava.lora.config.LoraConfigJson}).
 */
package io.github.geollava.lora.config;
