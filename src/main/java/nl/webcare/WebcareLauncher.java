package nl.webcare;

import nl.webcare.cli.WebcareCli;

/** The jar's entry point: the command line ({@link WebcareCli}) decides what runs. */
public final class WebcareLauncher {
  private WebcareLauncher() {}

  public static void main(String[] args) {
    WebcareCli cli = new WebcareCli();
    int code = WebcareCli.commandLine(cli).execute(args);
    if (!cli.serving()) {
      System.exit(code);
    }
  }
}
