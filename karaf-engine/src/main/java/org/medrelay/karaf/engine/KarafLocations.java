package org.medrelay.karaf.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Karaf's folders ({@code karaf.data}, {@code karaf.etc}, ...), so a configuration value may say
 * {@code ${karaf.data}/medrelay} whether it came from a cfg file (fileinstall substitutes it) or from
 * {@code config:property-set} (which stores it as typed).
 */
record KarafLocations(Map<String, String> folders) {

    private static final String[] NAMES = {"karaf.data", "karaf.etc", "karaf.home", "karaf.base"};

    static KarafLocations fromSystemProperties() {
        Map<String, String> folders = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = System.getProperty(name);
            if (value != null) {
                folders.put(name, value);
            }
        }
        return new KarafLocations(Map.copyOf(folders));
    }

    String data() {
        return folders.getOrDefault("karaf.data", "data");
    }

    String substitute(String value) {
        String result = value;
        for (Map.Entry<String, String> folder : folders.entrySet()) {
            result = result.replace("${" + folder.getKey() + "}", folder.getValue());
        }
        return result;
    }
}
