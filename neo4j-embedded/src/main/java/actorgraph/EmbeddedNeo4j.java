package actorgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community in this JVM with Bolt on 127.0.0.1 and nothing else.
 *
 * Usage: EmbeddedNeo4j DATA_DIR PORT PAGE_CACHE_MB
 *
 * Talks to its parent (core/src/neo4j/embedded.ts) through stdout and stdin:
 * prints "ACTORGRAPH_BOLT_READY bolt://127.0.0.1:PORT" once Bolt answers, or
 * "ACTORGRAPH_ERROR <code> <message>" and exits 2; shuts down cleanly when its
 * stdin closes (the parent died or let go), on SIGINT and on SIGTERM.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            fail("usage", "EmbeddedNeo4j DATA_DIR PORT PAGE_CACHE_MB");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = Long.parseLong(args[2]);

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    // Analysts' re-ingests should not wait on a slow shutdown of an earlier run.
                    .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable e) {
            String message = describe(e);
            if (message.toLowerCase().contains("lock")) {
                fail("in_use", "the data folder " + home + " is already used by another running Neo4j"
                        + " (stop that one first, or point DATA_DIR at another folder)");
            }
            fail("start_failed", message);
            return;
        }

        final DatabaseManagementService running = dbms;
        // Runs on SIGINT, SIGTERM and System.exit: the store is closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown, "neo4j-shutdown"));

        System.out.println("ACTORGRAPH_BOLT_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        waitForStdinToClose(System.in);
        System.exit(0);
    }

    /** A closed stdin means the parent process is gone: never outlive it. */
    private static void waitForStdinToClose(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // Treat a broken pipe like a closed one.
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (text.length() > 0) text.append(" <- ");
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }

    private static void fail(String code, String message) {
        System.out.println("ACTORGRAPH_ERROR " + code + " " + message);
        System.out.flush();
        System.exit(2);
    }
}
