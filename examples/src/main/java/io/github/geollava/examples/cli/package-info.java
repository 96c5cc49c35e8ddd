/** The {@code geollava} command line (picocli): one subcommand per pipeline stage. */
package io.github.geollava.examples.cli;
