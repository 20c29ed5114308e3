package org.clientele.cli;

import java.io.Console;
import picocli.CommandLine.Option;

/** Where Clientele is and who calls it; shared by every command. The password is never an option value. */
public final class ConnectionOptions {
    /** Environment variable that holds the password; without it the password is asked for on the terminal. */
    public static final String PASSWORD_ENV = "CLIENTELE_PASSWORD";

    @Option(names = "--url", defaultValue = "${env:CLIENTELE_URL:-http://localhost:8080}",
            description = "Clientele's base URL (default: $CLIENTELE_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = {"-u", "--user"}, defaultValue = "${env:CLIENTELE_USER}", required = true,
            description = "API user (default: $CLIENTELE_USER).")
    String user;

    @Option(names = "--password-type", defaultValue = "digest",
            description = "UsernameToken password form: digest (default; with nonce and created) or text (plain, only over HTTPS).")
    String passwordType;

    @Option(names = "--timeout", defaultValue = "120",
            description = "Seconds to wait for one response (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The password from $CLIENTELE_PASSWORD, else read from the console without echo. */
    String password() {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException(ClienteleCli.EXIT_USAGE, "no password: set " + PASSWORD_ENV
                    + " or run on a terminal to be asked for it");
        }
        char[] typed = console.readPassword("Password for %s at %s: ", user, url);
        if (typed == null || typed.length == 0) {
            throw new CliException(ClienteleCli.EXIT_USAGE, "no password given");
        }
        return new String(typed);
    }
}
