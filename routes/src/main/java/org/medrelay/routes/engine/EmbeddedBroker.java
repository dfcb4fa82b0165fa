package org.medrelay.routes.engine;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded ActiveMQ Artemis broker of the default setup: persistent journal under the data folder,
 * reached in-VM ({@code vm://0}). Redelivery is left to the routes (which keep the exception with the
 * dead letter); the broker redelivers without limit whatever a crash left unacknowledged.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Messages an Artemis address remembers for duplicate detection (resends within this window are dropped). */
    private static final int DUPLICATE_ID_CACHE = 100_000;

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public EmbeddedBroker(Path brokerDir, String bufferTimeoutSetting, long maxQueueMemoryBytes) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("medrelay")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large-messages").toString())
                .setJournalSyncNonTransactional(true)
                .setJournalSyncTransactional(true)
                .setIDCacheSize(DUPLICATE_ID_CACHE)
                .setPersistIDCache(true)
                .setJMXManagementEnabled(false);
        long bufferTimeout = bufferTimeoutNanos(brokerDir, bufferTimeoutSetting);
        config.setJournalBufferTimeout_NIO((int) bufferTimeout);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of("serverId", 0)));
        config.addAddressSetting("#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                // Never used (redelivery is unlimited and messages never expire); named so a message an
                // operator moves by hand has somewhere to go, and Artemis does not warn on every start.
                .setDeadLetterAddress(SimpleString.of("medrelay.broker.dead-letter"))
                .setExpiryAddress(SimpleString.of("medrelay.broker.expired"))
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                // A backlog (the EHR down for a day) pages to disk beyond this, so it never fills the heap.
                .setMaxSizeBytes(maxQueueMemoryBytes)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        server.setConfiguration(config);
        LOG.info("Artemis journal buffer timeout {} ns", bufferTimeout);
    }

    private static long bufferTimeoutNanos(Path brokerDir, String setting) throws Exception {
        if (!"auto".equalsIgnoreCase(setting.trim())) {
            return Long.parseLong(setting.trim());
        }
        return JournalSyncCalibration.measureSyncNanos(brokerDir.resolve("journal"));
    }

    public void start() throws Exception {
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
