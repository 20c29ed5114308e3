package org.clientele.cli;

import picocli.CommandLine.Command;

/** {@code clientele import <entity>}: the entities that can be imported. */
@Command(name = "import", description = "Import records from a file.", subcommands = ImportCustomers.class,
        mixinStandardHelpOptions = true)
final class ImportCommand {
}
