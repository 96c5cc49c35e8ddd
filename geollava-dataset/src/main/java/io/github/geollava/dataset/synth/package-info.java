/**
 * The synthetic mini-fMoW: procedural satellite-like scenes of fMoW categories that change over time,
 * written in the fMoW layout with GeoLLaVA-style change captions.
 *
 * <p>{@link io.github.geollava.dataset.synth.SyntheticFmow} is the entry point. Each location gets a
 * scene state (terrain, vegetation and season, water, roads, buildings, fields, parking, panels, mine
 * pits, ...) that evolves between 2 to 6 acquisitions through {@link
 * io.github.geollava.dataset.synth.ChangeEvent change events}, plus nuisance variation that is not
 * change (sun angle, haze, thin cloud, misregistration, sensor noise, gsd). Captions are derived from
 * the states, so every claim they make holds in the pixels; {@link
 * io.github.geollava.dataset.synth.ChangeEventDetector} maps caption text back to the events it names,
 * for change-event accuracy.
 *
 * <p>Determinism: the same seed gives byte-identical files. Randomness comes from a SplitMix64 stream
 * derived from (seed, location, purpose), transcendental functions use {@link java.lang.StrictMath},
 * collections are lists (never hash-ordered), and JPEGs are encoded by the JDK's own ImageIO encoder at
 * a fixed quality.
 */
package io.github.geollava.dataset.synth;
