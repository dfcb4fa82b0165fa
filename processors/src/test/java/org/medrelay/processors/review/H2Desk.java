package org.medrelay.processors.review;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medrelay.processors.testing.TestStores;

/** A fresh review layer over a fresh in-memory H2 store for each test. */
abstract class H2Desk {

    HikariDataSource dataSource;
    ReviewDesk desk;

    @BeforeEach
    void openDesk() {
        dataSource = TestStores.h2("work-items");
        desk = new ReviewDesk(dataSource);
    }

    @AfterEach
    void closeDesk() {
        dataSource.close();
    }
}
