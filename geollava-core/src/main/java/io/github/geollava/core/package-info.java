/**
 * GeoLLaVA core: safetensors IO, Hugging Face configs, video-frame encoding, the LLaVA-NeXT-Video model
 * in DJL, generation, training and the {@code ChangeCaptioner}.
 */
package io.github.geollava.core;
