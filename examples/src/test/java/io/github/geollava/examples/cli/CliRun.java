package io.github.geollava.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code geollava} command line in-process, with what it printed captured: every CLI
 * test goes through here so that each run's stdout and stderr belong to that run alone.
 *
 * @param exitCode the exit status
 * @param stdout what the command printed through picocli's out writer
 * @param stderr what the command printed through picocli's err writer
 */
record CliRun(int exitCode, String stdout, String stderr) {

  /**
   * Runs {@code geollava args...} on a fresh {@link GeollavaCli#newCommandLine()}.
   *
   * @param args the arguments, subcommand first
   * @return the exit status and the captured output
   */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GeollavaCli.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int rc = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return new CliRun(rc, out.toString(), err.toString());
  }
}
