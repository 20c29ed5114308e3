package org.clientele.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.sync.Change;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.SyncPortType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clientele follow --cursor FILE}: tails the change feed from the cursor in FILE, writes each change as a JSON
 * line, and saves the next cursor after every page has been written, so a restart continues where it stopped
 * (changes of a page that was written but whose cursor was not yet saved are written again: at least once).
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Follow the change feed from the cursor in FILE, writing one JSON line per change.",
                "The cursor file is updated after every page; start again with the same file to resume."})
final class FollowCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--cursor", required = true, paramLabel = "FILE", description = "The cursor file (e.g. written by export).")
    Path cursorFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Append the JSON lines to this file instead of standard output.")
    Path out;

    @Option(names = "--entity-type", split = ",", description = "Only these entity types: ${COMPLETION-CANDIDATES}.")
    List<EntityType> entityTypes = new ArrayList<>();

    @Option(names = "--snapshots", description = "Include each entity's current state with its change.")
    boolean snapshots;

    @Option(names = "--max-changes", defaultValue = "1000", description = "Changes per page, 1-5000 (default ${DEFAULT-VALUE}).")
    int maxChanges;

    @Option(names = "--poll", defaultValue = "5", description = "Seconds to wait when the feed is caught up (default ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Option(names = "--once", description = "Stop when the feed is caught up instead of waiting for more.")
    boolean once;

    private volatile boolean stopping;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String cursor = CursorFile.read(cursorFile);
        SyncPortType sync = new Connection(connection).sync();
        // Ctrl-C: let the page in hand be written and its cursor saved, then exit
        CountDownLatch finished = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            stopping = true;
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        PrintStream log = out == null ? System.err : System.out;
        long written = 0;
        try (OutputStream sink = out == null ? null : Files.newOutputStream(out, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            PrintStream lines = sink == null ? System.out : new PrintStream(sink, false, StandardCharsets.UTF_8);
            while (!stopping) {
                GetChanges request = new GetChanges();
                request.setCursor(cursor);
                request.setMaxChanges(maxChanges);
                request.setIncludeSnapshots(snapshots);
                request.getEntityType().addAll(entityTypes);
                GetChangesResponse page = fetch(sync, request);
                for (Change c : page.getChange()) {
                    lines.println(Json.change(c));
                }
                lines.flush();
                if (lines.checkError()) {
                    throw new CliException(ClienteleCli.EXIT_SERVER, "cannot write the changes" + (out == null ? "" : " to " + out));
                }
                cursor = page.getNextCursor();
                CursorFile.write(cursorFile, cursor);
                written += page.getChange().size();
                if (!page.getChange().isEmpty() && out != null) {
                    long last = page.getChange().get(page.getChange().size() - 1).getSequence();
                    log.printf("%,d changes written, up to sequence %d%n", written, last);
                }
                if (!page.isHasMore()) {
                    if (once) {
                        break;
                    }
                    for (long waited = 0; waited < pollSeconds * 1000L && !stopping; waited += 200) {
                        Thread.sleep(200);
                    }
                }
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // exiting anyway; the cursor file holds the last page written
            }
        }
        log.printf("%s: %,d changes written; cursor saved in %s%n", stopping ? "stopped" : "caught up", written,
                cursorFile);
        return ClienteleCli.EXIT_OK;
    }

    private GetChangesResponse fetch(SyncPortType sync, GetChanges request) {
        try {
            return sync.getChanges(request);
        } catch (CrmFault fault) {
            CrmFaultDetail d = fault.getFaultInfo();
            if (d != null && d.getCode() == ErrorCode.CURSOR_EXPIRED) {
                throw new CliException(ClienteleCli.EXIT_CURSOR_EXPIRED, "the cursor in " + cursorFile
                        + " has expired (the feed keeps changes for a limited time): take a fresh extract with"
                        + " `clientele export customers --out FILE --cursor-file " + cursorFile
                        + "` and follow again from its cursor. Server: " + d.getMessage());
            }
            throw new CliException(ClienteleCli.EXIT_SERVER, "getChanges refused: "
                    + (d == null ? fault.getMessage() : d.getCode().value() + " " + d.getMessage()));
        }
    }
}
