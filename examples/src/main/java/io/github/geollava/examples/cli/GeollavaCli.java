package io.github.geollava.examples.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code geollava} command line: one subcommand per stage of the GeoLLaVA pipeline.
 *
 * <p>Exit status: 0 on success, 2 on bad arguments or bad input (a one-line message on stderr names
 * the culprit), 1 on an unexpected failure. Other tools call these subcommands, so their names, options
 * and outputs are a stable contract (see DESIGN.md, section 3).
 */
@Command(
    name = "geollava",
    mixinStandardHelpOptions = true,
    versionProvider = GeollavaCli.Version.class,
    description = "Temporal change captioning of satellite images: data, models, fine-tuning, metrics.",
    subcommands = {
      CommandLine.HelpCommand.class,
      // pipeline order: data, tensors, model, efficient fine-tuning, metrics
      SynthCommand.class,
      PairsCommand.class,
      EncodeCommand.class,
      GenerateCommand.class,
      CaptionCommand.class,
      EvalCommand.class,
      QuantizeCommand.class,
      PruneCommand.class,
      FinetuneCommand.class,
      ScoreCommand.class,
      DemoCommand.class,
    })
public final class GeollavaCli implements Runnable {

  /** Exit status for bad arguments or bad input. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line without exiting the JVM, so tests and embedding apps can call it.
   *
   * @return the exit status
   */
  public static int execute(String... args) {
    // DJL must never reach the network: natives come from Maven, telemetry stays off.
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("OPT_OUT_TRACKING", System.getProperty("OPT_OUT_TRACKING", "true"));
    return newCommandLine().execute(args);
  }

  /** A configured picocli {@link CommandLine}, with the exit-status and error-message policy applied. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new GeollavaCli());
    cl.setExecutionExceptionHandler(GeollavaCli::handleExecutionException);
    return cl;
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (isBadInput(ex)) {
      err.println(cl.getCommandName() + ": " + oneLine(ex));
      err.flush();
      return EXIT_BAD_INPUT;
    }
    err.println(cl.getCommandName() + ": unexpected failure: " + oneLine(ex));
    ex.printStackTrace(err);
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** Bad input is anything the user can fix: arguments, missing or malformed files. */
  static boolean isBadInput(Throwable ex) {
    return ex instanceof IllegalArgumentException
        || ex instanceof java.io.IOException
        || ex instanceof java.io.UncheckedIOException
        || ex instanceof ai.djl.MalformedModelException
        || ex instanceof BadInputException;
  }

  private static String oneLine(Throwable ex) {
    String msg = ex.getMessage();
    if (ex instanceof NoSuchFileException) {
      msg = "no such file: " + msg;
    }
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    }
    return msg.replace('\n', ' ').strip();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest, falling back to "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GeollavaCli.class.getPackage().getImplementationVersion();
      return new String[] {"geollava " + (v == null ? "dev" : v)};
    }
  }
}
