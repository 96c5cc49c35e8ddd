/**
 * The application-facing API: {@link io.github.geollava.core.caption.ChangeCaptioner} describes what
 * changed between two (or more) satellite images, and {@link io.github.geollava.core.caption.TinyModels}
 * builds deterministic tiny models and captioners so applications can unit-test their integration
 * without 7B weights.
 */
package io.github.geollava.core.caption;
