/**
 * LoRA and QLoRA for DJL block trees, with PEFT-compatible adapter folders and bitsandbytes-compatible
 * NF4, FP4 and INT8 frozen bases.
 */
package io.github.geollava.lora;
