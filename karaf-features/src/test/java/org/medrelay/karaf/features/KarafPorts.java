package org.medrelay.karaf.features;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports that were free a moment ago, for Karaf's SSH and JMX and the engine's listeners. */
record KarafPorts(int ssh, int rmiRegistry, int rmiServer) {

    static KarafPorts free() throws IOException {
        return new KarafPorts(freePort(), freePort(), freePort());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
