package org.medrelay.processors.referral;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;

/** The referral loops on the embedded default store. */
class H2ReferralLoopStoreTest extends ReferralLoopStoreContract {

    private HikariDataSource store;

    @Override
    DataSource openStore() {
        store = TestStores.h2("referrals");
        return store;
    }

    @Override
    void closeStore() {
        store.close();
    }
}
