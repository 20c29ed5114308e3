package org.clientele.it;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** Shared steps of the cluster tests. */
final class ClusterSupport {
    private ClusterSupport() {
    }

    /** Skips the cluster tests, with the reason, where HAProxy is not installed. */
    static void assumeHaProxy() {
        Assumptions.assumeTrue(Cluster.HaProxy.executable() != null,
                "HAProxy is not installed: the cluster tests need Debian's haproxy (apt-get install -y haproxy); skipped");
    }

    /** Waits until the balancer's health checks report every node UP. */
    static void awaitAllUp(Cluster cluster) throws Exception {
        for (Cluster.Node n : cluster.nodes) {
            awaitState(cluster, n, "UP", Duration.ofSeconds(60));
        }
    }

    /** Waits until the balancer reports the node in the state; returns System.nanoTime() when it did. */
    static long awaitState(Cluster cluster, Cluster.Node node, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = cluster.balancer.state(node);
            if (last.startsWith(state)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(node.name + " not " + state + " at the balancer within " + timeout + " (last: " + last + ")");
    }
}
