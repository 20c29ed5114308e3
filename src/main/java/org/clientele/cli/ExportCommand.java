package org.clientele.cli;

import picocli.CommandLine.Command;

/** {@code clientele export <entity>}: the entities that can be exported. */
@Command(name = "export", description = "Export records to a file.", subcommands = ExportCustomers.class,
        mixinStandardHelpOptions = true)
final class ExportCommand {
}
