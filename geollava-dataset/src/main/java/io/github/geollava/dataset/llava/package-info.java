/**
 * LLaVA-format training records for video change captioning: {@code {"id", "video",
 * "conversations": [{"from": "human", "value": "<video>\n<prompt>"}, {"from": "gpt", "value":
 * <caption>}]}}, the six prompt templates of the GeoLLaVA paper, and streaming JSON / JSONL
 * reading and writing.
 */
package io.github.geollava.dataset.llava;
