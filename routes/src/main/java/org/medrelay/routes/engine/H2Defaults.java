package org.medrelay.routes.engine;

/**
 * H2's AUTO_SERVER mode (which lets `medrelay errors` read the store while the engine runs) opens a TCP port;
 * by default on every interface. The store holds PHI, so that port is bound to loopback unless an operator
 * explicitly set {@code h2.bindAddress}.
 */
public final class H2Defaults {

    private H2Defaults() {
    }

    public static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }
}
