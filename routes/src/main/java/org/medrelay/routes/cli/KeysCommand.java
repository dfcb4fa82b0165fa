package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.store.PayloadKeyCensus;
import org.medrelay.processors.store.PayloadReEncryption;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PayloadEncryptionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The payload encryption keys of the engine whose data is in ./data (or as configured).")
final class KeysCommand {

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "status", description = "How many stored payloads each key id sealed, per payload column and "
            + "per kind of sealed file copy (835s, faxes), tab-separated: column, key id ((clear) for payloads in clear), "
            + "count. Reads key ids only.")
    int status() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        PayloadCipher cipher = PayloadEncryptionKeys.forTools(props);
        System.out.println("encryption: " + (cipher.isEncrypting() ? "on, active key id " + cipher.writeKeyId().orElseThrow()
                : "off, new payloads stored in clear"));
        System.out.println("keys configured: " + (cipher.keyRing().keyIds().isEmpty() ? "none"
                : String.join(", ", cipher.keyRing().keyIds())));
        try (HikariDataSource store = EngineStore.open(props)) {
            Map<String, Map<String, Long>> census = new PayloadKeyCensus(store, cipher).count();
            census.forEach((column, perKey) -> perKey.forEach((keyId, count) ->
                    System.out.println(column + "\t" + keyId + "\t" + count)));
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "re-encrypt", aliases = "rotate", description = "Re-encrypt every stored payload under the active "
            + "key (or, with encryption off, decrypt it to clear), in batches, each audited. Start the engine with the "
            + "new active key first. Exit 0 when every payload is in the current form, 1 naming those that could not "
            + "be decrypted.")
    int reEncrypt(@Option(names = "--batch-size", defaultValue = "200",
            description = "rows per transaction (default: ${DEFAULT-VALUE})") int batchSize) throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        PayloadCipher cipher = PayloadEncryptionKeys.forTools(props);
        if (props.getBoolean(PayloadEncryptionKeys.ENABLED) && !cipher.isEncrypting()) {
            System.err.println("medrelay: encryption is on but no payload key is configured, and the engine has made none "
                    + "yet: start the engine once, or configure " + PayloadEncryptionKeys.KEYSTORE + " or "
                    + "MEDRELAY_ENCRYPTION_KEY_<ID>");
            return CliErrors.EXIT_FAILURE;
        }
        try (HikariDataSource store = EngineStore.open(props)) {
            PayloadReEncryption.Result result = new PayloadReEncryption(store, cipher, new AuditTrail(store),
                    Clock.systemUTC()).run(batchSize, AuditActors.osUser());
            String form = cipher.writeKeyId().map(id -> "under key id " + id).orElse("in clear");
            System.out.println(result.examined() + " payload(s) examined, " + result.reEncrypted()
                    + " re-encrypted; all others were already " + form);
            if (result.unreadableCount() > 0) {
                System.out.println(result.unreadableCount() + " payload(s) could not be decrypted and were left as they are:");
                result.unreadable().forEach(line -> System.out.println("  " + line));
                return CliErrors.EXIT_FAILURE;
            }
        }
        return CliErrors.EXIT_OK;
    }
}
