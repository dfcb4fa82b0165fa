package org.medrelay.karaf.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The JDBC drivers embedded in this bundle. DriverManager finds drivers with a ServiceLoader on the class loader
 * that was current when it first ran, long before this bundle, so it never sees these: loading the driver
 * classes makes them register themselves. On stop they are taken out again, or DriverManager would keep this
 * bundle's class loader alive after an uninstall.
 */
final class JdbcDrivers {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDrivers.class);
    private static final String[] EMBEDDED = {"org.h2.Driver", "org.postgresql.Driver"};

    private JdbcDrivers() {
    }

    static void register(ClassLoader bundleClassLoader) throws ClassNotFoundException {
        for (String driver : EMBEDDED) {
            Class.forName(driver, true, bundleClassLoader);
        }
    }

    static void deregister(ClassLoader bundleClassLoader) {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == bundleClassLoader) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.warn("Could not deregister JDBC driver {}: {}", driver.getClass().getName(), e.toString());
                }
            }
        }
    }
}
