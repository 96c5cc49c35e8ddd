/**
 * Block-tree utilities: Hugging Face module paths over DJL blocks ({@link
 * io.github.geollava.core.nn.ModulePaths}) and the base class of the model's blocks ({@link
 * io.github.geollava.core.nn.HfBlock}), whose children can be replaced by path.
 */
package io.github.geollava.core.nn;
