package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.Commands;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real pg_dump custom-format dump from Debian's PostgreSQL 15 (run as an unprivileged user, as initdb requires),
 * with a {@code sha256sum --tag} sidecar: verified whole, then with a flipped byte and cut short.
 */
class PgDumpBackupTest {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: orders
                target: { type: local, path: backups }
                layout: { kind: file-per-backup, namePattern: "orders-{yyyy-MM-dd}.dump" }
                checks:
                  integrity: {}
            """;

    @TempDir
    Path dir;

    private String[] asOwner(String... command) {
        return Commands.asNobody(command);
    }

    @Test
    void aCustomFormatDumpVerifiesAndItsDamageFails() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_dump")),
                "Debian's postgresql-15 is not installed (.ci/run installs it)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = dir.resolve("data");
        Path socket = Files.createDirectories(dir.resolve("socket"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxrwxrwx"));
        Commands.require(asOwner(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8"));
        String options = "-k " + socket + " -c listen_addresses= -c fsync=off";
        Commands.require(asOwner(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-w",
                "-l", dir.resolve("server.log").toString(), "start"));
        try {
            Commands.require(asOwner(BIN.resolve("psql").toString(), "-h", socket.toString(), "-U", "postgres", "-q", "-c",
                    "create table orders(id int primary key, item text); insert into orders select g, 'item ' || g "
                            + "from generate_series(1, 20000) g"));
            Path dump = backups.resolve("orders-2026-11-29.dump");
            Commands.require(asOwner(BIN.resolve("pg_dump").toString(), "-h", socket.toString(), "-U", "postgres",
                    "-Fc", "-f", dump.toString(), "postgres"));
        } finally {
            Commands.run(asOwner(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                    "stop"));
        }
        Path dump = backups.resolve("orders-2026-11-29.dump");
        assertThat(Files.readAllBytes(dump)).startsWith("PGDMP".getBytes());
        Commands.require("sh", "-c", "cd '" + backups + "' && sha256sum --tag orders-2026-11-29.dump > "
                + "orders-2026-11-29.dump.sha256");

        CheckResult clean = Plans.runSet(PLAN, dir, NOW).checks().get(0);
        assertThat(clean.status()).as(clean.findings().toString()).isEqualTo(Status.PASS);

        byte[] bytes = Files.readAllBytes(dump);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        Files.write(dump, flipped);
        CheckResult corrupt = Plans.runSet(PLAN, dir, NOW).checks().get(0);
        assertThat(corrupt.status()).isEqualTo(Status.FAIL);
        assertThat(corrupt.findings()).extracting(Finding::item).containsExactly("orders-2026-11-29.dump");

        Files.write(dump, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        CheckResult cut = Plans.runSet(PLAN, dir, NOW).checks().get(0);
        assertThat(cut.status()).isEqualTo(Status.FAIL);
        assertThat(cut.findings()).singleElement().satisfies(finding ->
                assertThat(finding.advice()).isNotBlank());
    }
}
