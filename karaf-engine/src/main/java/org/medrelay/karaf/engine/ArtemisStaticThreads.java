package org.medrelay.karaf.engine;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;

/**
 * Artemis keeps some thread pools in static fields, for the whole JVM: the client's global pools and the in-VM
 * connector's executor. A standalone engine ends with its JVM; in Karaf these would outlive the bundle (and
 * keep its class loader), so they are shut down when the bundle stops.
 */
final class ArtemisStaticThreads {

    private ArtemisStaticThreads() {
    }

    static void stop() {
        ActiveMQClient.clearThreadPools();
        InVMConnector.resetThreadPool();
    }
}
