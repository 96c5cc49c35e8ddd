/**
 * Image input for the vision tower: decoding (JPEG, PNG, TIFF, BMP, GIF through ImageIO and
 * TwelveMonkeys), EXIF orientation, conversion to 8-bit RGB, and resampling that reproduces PIL's
 * {@code Image.resize} bit for bit, so frames match what Hugging Face's image processors feed CLIP.
 *
 * <p>{@link io.github.geollava.core.image.RgbImage} is the working format: interleaved 8-bit RGB,
 * row-major, like a PIL "RGB" image or a numpy {@code (H, W, 3) uint8} array.
 */
package io.github.geollava.core.image;
