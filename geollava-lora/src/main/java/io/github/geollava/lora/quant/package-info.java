/**
 * Quantized frozen weights with bitsandbytes numerics: {@link io.github.geollava.lora.quant.Nf4Tensor},
 * {@link io.github.geollava.lora.quant.Fp4Tensor} (4-bit blockwise, optional double quantization of the
 * scales) and {@link io.github.geollava.lora.quant.Int8RowwiseTensor} (LLM.int8 row-wise absmax), plus
 * {@link io.github.geollava.lora.quant.BnbCheckpoint}, which reads and writes bitsandbytes' serialised
 * safetensors layout.
 */
package io.github.geollava.lora.quant;
