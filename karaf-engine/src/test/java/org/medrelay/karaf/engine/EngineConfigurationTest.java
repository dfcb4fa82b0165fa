package org.medrelay.karaf.engine;

import org.junit.jupiter.api.Test;

import java.util.Hashtable;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EngineConfigurationTest {

    private final KarafLocations karaf = new KarafLocations(Map.of("karaf.data", "/opt/karaf/data",
            "karaf.etc", "/opt/karaf/etc"));

    @Test
    void withoutAConfigurationTheEngineKeepsItsDataUnderKarafData() {
        Map<String, String> settings = EngineConfiguration.engineSettings(null, karaf);

        assertEquals("/opt/karaf/data/medrelay", settings.get("medrelay.data.dir"));
        assertEquals("false", settings.get("camel.main.routes-collector-enabled"));
    }

    @Test
    void engineKeysOfThePidOverrideAndKarafFoldersAreSubstituted() {
        Hashtable<String, Object> pid = new Hashtable<>();
        pid.put("service.pid", "org.medrelay.engine");
        pid.put("felix.fileinstall.filename", "file:/opt/karaf/etc/org.medrelay.engine.cfg");
        pid.put("medrelay.mllp.port", 2600);
        pid.put("medrelay.data.dir", "${karaf.data}/hospital-a");
        pid.put("medrelay.mllp.tls.keystore", "${karaf.etc}/medrelay/mllp.p12");

        Map<String, String> settings = EngineConfiguration.engineSettings(pid, karaf);

        assertEquals("2600", settings.get("medrelay.mllp.port"));
        assertEquals("/opt/karaf/data/hospital-a", settings.get("medrelay.data.dir"));
        assertEquals("/opt/karaf/etc/medrelay/mllp.p12", settings.get("medrelay.mllp.tls.keystore"));
        assertFalse(settings.containsKey("service.pid"));
        assertFalse(settings.containsKey("felix.fileinstall.filename"));
    }

    @Test
    void routeDiscoveryStaysOffWhateverThePidSays() {
        Hashtable<String, Object> pid = new Hashtable<>();
        pid.put("camel.main.routes-collector-enabled", "true");

        assertEquals("false", EngineConfiguration.engineSettings(pid, karaf).get("camel.main.routes-collector-enabled"));
    }
}
