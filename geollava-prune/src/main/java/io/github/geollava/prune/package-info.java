/** Fine-grained magnitude pruning with persistent masks for DJL block trees. */
package io.github.geollava.prune;
