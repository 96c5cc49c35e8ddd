/**
 * GeoLLaVA data: fMoW metadata scanning, temporal pairs, LLaVA-format conversations, annotation
 * clients and the synthetic mini-fMoW generator. No DJL dependency.
 */
package io.github.geollava.dataset;
