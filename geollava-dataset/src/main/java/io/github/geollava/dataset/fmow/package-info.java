/**
 * The fMoW (Functional Map of the World) metadata model and a streaming scanner for the
 * {@code <root>/<split>/<category>/<category>_<loc>/<category>_<loc>_<n>_rgb.json} layout.
 *
 * <p>{@link io.github.geollava.dataset.fmow.FmowMetadata} mirrors one {@code _rgb.json} file (unknown
 * fields kept), {@link io.github.geollava.dataset.fmow.FmowImage} is one scanned image with its
 * parsed timestamp and file size, and {@link io.github.geollava.dataset.fmow.FmowScanner} walks a
 * split folder by folder, so memory stays bounded by the largest location rather than the dataset.
 */
package io.github.geollava.dataset.fmow;
