package org.medrelay.karaf.engine;

/** One Camel YAML routes file read from a bundle, kept in memory so it can be loaded again after a restart. */
record RouteFile(String path, byte[] yaml) {
}
