/**
 * JMH benchmarks: speed and memory of every stage, measured rather than asserted in unit tests. Run with
 * {@code java -cp "examples/target/geollava.jar:examples/target/lib/*" org.openjdk.jmh.Main <Name>}.
 */
package io.github.geollava.examples.bench;
