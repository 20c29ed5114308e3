package org.clientele.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clientele} command-line tool: bulk import and export of customers and following the change feed, on top
 * of Clientele's SOAP API through the client classes generated from its WSDLs (docs/cli.md).
 */
@Command(name = "clientele", mixinStandardHelpOptions = true, version = "clientele 1.0",
        description = "Bulk import/export of customers and the change feed of a Clientele server, over its SOAP API.",
        subcommands = {ImportCommand.class, ExportCommand.class, FollowCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:rows were rejected (see the rejects file)",
                "2:bad usage or a bad input file (nothing was sent)", "3:the server refused or could not be reached",
                "4:the change-feed cursor has expired (export again)"})
public final class ClienteleCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_REJECTED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SERVER = 3;
    public static final int EXIT_CURSOR_EXPIRED = 4;

    /** Held so that the levels set below are not lost when the loggers are collected. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger CXF = Logger.getLogger("org.apache.cxf");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String... args) {
        ROOT.setLevel(Level.WARNING);
        CXF.setLevel(Level.SEVERE);
        CommandLine cli = new CommandLine(new ClienteleCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                commandLine.getErr().println("clientele: " + c.getMessage());
                return c.exitCode();
            }
            commandLine.getErr().println("clientele: " + Importer.rootMessage(e));
            return EXIT_SERVER;
        });
        return cli.execute(args);
    }
}
