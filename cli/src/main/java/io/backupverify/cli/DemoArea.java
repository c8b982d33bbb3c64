package io.backupverify.cli;

import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds the demo area: a few days of backups in three sets, one healthy, one with a corrupted file in its newest
 * backup, one whose newest backup is late, and a plan that verifies them.
 */
final class DemoArea {
    static final String MARKER = ".backup-verify-demo";
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final int DAYS = 8;
    /** How many of the newest orders backups the off-site copy keeps. */
    private static final int OFFSITE_DAYS = 3;

    private final Path root;
    private final Instant now;
    /** Whether the demo has a database backup to restore: only where the PostgreSQL client tools are installed. */
    private final boolean database;
    private final Random random = new Random(20261126L);

    DemoArea(Path root, Instant now, boolean database) {
        this.root = root;
        this.now = now;
        this.database = database;
    }

    /** Creates the area, replacing an earlier demo area; refuses a folder that holds anything else. */
    Path create() throws IOException, UsageException {
        prepareFolder();
        Instant newest = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (int day = DAYS - 1; day >= 0; day--) {
            Instant time = newest.minus(Duration.ofDays(day));
            ordersBackup(time, day < OFFSITE_DAYS);
            customerBackup(time, day == 0);
        }
        for (int day = DAYS - 1; day >= 3; day--) {
            analyticsExport(newest.minus(Duration.ofDays(day)));
        }
        for (int day = DAYS - 1; day >= 0; day--) {
            webAssetsArchive(newest.minus(Duration.ofDays(day)));
        }
        if (database) {
            for (int day = 2; day >= 0; day--) {
                Instant time = newest.minus(Duration.ofDays(day));
                DemoShopDump.write(root.resolve("backups/shop-db/shop-" + FILE_DAY.format(time) + ".sql.gz"),
                        time.plus(Duration.ofMinutes(3)), random);
            }
        }
        Path plan = root.resolve("plan.yaml");
        Files.writeString(plan, planText(newest, database ? SHOP_DB : ""), StandardCharsets.UTF_8);
        return plan;
    }

    private void prepareFolder() throws IOException, UsageException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new UsageException(root + " exists and is not a folder");
            }
            boolean empty;
            try (Stream<Path> children = Files.list(root)) {
                empty = children.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new UsageException(root + " is not empty and is not a demo area; name an empty or new folder");
            }
            deleteContents(root);
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "created by backup-verify demo\n");
    }

    /** An orders backup, and with {@code offsite} the same backup copied to the off-site folder. */
    private void ordersBackup(Instant time, boolean offsite) throws IOException {
        String name = "orders-" + DIR_TIME.format(time);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("orders.dump", randomBytes(192 * 1024 + random.nextInt(16 * 1024)));
        files.put("schema.sql", "CREATE TABLE orders (id bigint primary key, placed_at timestamptz);\n"
                .getBytes(StandardCharsets.UTF_8));
        writeBackup(root.resolve("backups/orders/" + name), files, time);
        if (offsite) {
            writeBackup(root.resolve("offsite/orders/" + name), files, time);
        }
    }

    private void customerBackup(Instant time, boolean corrupt) throws IOException {
        Path dir = root.resolve("backups/customers/customers-" + DIR_TIME.format(time));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("customers.csv", randomBytes(96 * 1024));
        files.put("attachments/contract 2026.pdf", randomBytes(48 * 1024));
        writeBackup(dir, files, time);
        if (corrupt) {
            Path victim = dir.resolve("customers.csv");
            byte[] content = Files.readAllBytes(victim);
            content[content.length / 2] ^= 0x01;
            Files.write(victim, content);
            Files.setLastModifiedTime(victim, FileTime.from(time.plus(Duration.ofMinutes(20))));
        }
    }

    private void analyticsExport(Instant time) throws IOException {
        Path folder = root.resolve("backups/analytics");
        Files.createDirectories(folder);
        String name = "analytics-" + FILE_DAY.format(time) + ".tar.gz";
        byte[] content = randomBytes(64 * 1024);
        Path file = folder.resolve(name);
        Files.write(file, content);
        Path sidecar = folder.resolve(name + ".sha256");
        Files.writeString(sidecar, sha256(content) + "  " + name + "\n", StandardCharsets.UTF_8);
        for (Path written : new Path[] {file, sidecar}) {
            Files.setLastModifiedTime(written, FileTime.from(time.plus(Duration.ofMinutes(15))));
        }
    }

    /** A tar.gz of a small web site with its own SHA256SUMS inside, for the restore test. */
    private void webAssetsArchive(Instant time) throws IOException {
        Path folder = Files.createDirectories(root.resolve("backups/web-assets"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", "<!doctype html><title>Shop</title><h1>Shop</h1>\n".getBytes(StandardCharsets.UTF_8));
        files.put("css/site.css", "h1 { color: teal }\n".getBytes(StandardCharsets.UTF_8));
        files.put("img/logo.png", randomBytes(32 * 1024));
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, content) -> manifest.append(sha256(content)).append("  ").append(name).append('\n'));
        files.put("SHA256SUMS", manifest.toString().getBytes(StandardCharsets.UTF_8));
        Path file = folder.resolve("web-assets-" + FILE_DAY.format(time) + ".tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                tarEntry.setModTime(FileTime.from(time));
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(time.plus(Duration.ofMinutes(5))));
    }

    private void writeBackup(Path dir, Map<String, byte[]> files, Instant time) throws IOException {
        StringBuilder manifest = new StringBuilder();
        int minute = 5;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            Files.setLastModifiedTime(path, FileTime.from(time.plus(Duration.ofMinutes(minute))));
            minute += 10;
            manifest.append(sha256(file.getValue())).append("  ").append(file.getKey()).append('\n');
        }
        Path sums = dir.resolve("SHA256SUMS");
        Files.writeString(sums, manifest, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(sums, FileTime.from(time.plus(Duration.ofMinutes(minute))));
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(content));
    }

    private static String planText(Instant newest, String databaseSet) {
        int hour = newest.atZone(ZoneOffset.UTC).getHour();
        String windowStart = String.format("%02d:00", hour);
        String windowEnd = String.format("%02d:00", (hour + 1) % 24);
        return """
                # The demo plan: backup sets verified (and web-assets, shop-db where present, restore-tested) by `backup-verify demo`.
                # Run it again with: backup-verify verify plan.yaml --html reports/report.html
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups/orders }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                    checks:
                      freshness:    { maxAge: 26h }
                      completeness: { required: [orders.dump, schema.sql], minFiles: 2, maxShrink: 20%% }
                      integrity:    { manifest: SHA256SUMS, sample: 100%% }
                      retention:    { keepDaily: 7 }
                      window:       { start: "%s", end: "%s", maxDuration: 1h }
                      capacity:     { warnAt: 90%%, failAt: 98%% }
                      copies:       { at: [orders-db-offsite], minCopies: 1 }

                  # The second copy of orders-db: the copies check above finds the newest orders backup here with
                  # the same content. In the demo it sits beside the first, on the same disk, so the check WARNs
                  # that it is not another copy (one dead disk loses both) and minCopies asks for 1 only; on a
                  # second disk, a NAS or another site it counts: ask for minCopies: 2, and if off-site, mark the set
                  # offsite: true and ask for it with offsite: 1.
                  - name: orders-db-offsite
                    target: { type: local, path: offsite/orders }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                    checks:
                      freshness:    { maxAge: 26h }
                      integrity:    { manifest: SHA256SUMS }

                  - name: customer-files
                    target: { type: local, path: backups/customers }
                    layout: { kind: directory-per-backup, namePattern: "customers-{yyyy-MM-dd'T'HHmm}" }
                    checks:
                      freshness:    { maxAge: 26h }
                      completeness: { required: [customers.csv], minFiles: 2 }
                      integrity:    { manifest: SHA256SUMS }

                  - name: analytics-exports
                    target: { type: local, path: backups/analytics }
                    layout: { kind: file-per-backup, namePattern: "analytics-{yyyyMMdd}.tar.gz" }
                    checks:
                      freshness:    { maxAge: 26h }
                      integrity:    {}

                  # Restored by `backup-verify restore-test plan.yaml`: the newest archive is extracted into a
                  # scratch folder, its files checked against the SHA256SUMS inside it, timed against the RTO.
                  - name: web-assets
                    target: { type: local, path: backups/web-assets }
                    layout: { kind: file-per-backup, namePattern: "web-assets-{yyyyMMdd}.tar.gz" }
                    checks:
                      freshness:    { maxAge: 26h }
                    restoreTest:
                      rto: 5m
                      restore: { kind: archive }
                      validate: [ { checksums: SHA256SUMS }, { required: [index.html, css/site.css] } ]
                %s
                # What `backup-verify audit plan.yaml --history history` expects of the recorded runs.
                audit:
                  period: 30d
                  successRate:  { min: 98%% }
                  capacity:     { warnAt: 80%% }
                  restoreTests: { atLeast: 1, per: 30d }   # each held to its own restoreTest rto
                  coverage:     { fullWithin: 7d }
                  inventory:    [orders-db, customer-files, analytics-exports, web-assets, crm-export]
                  escalation:   { critical: "on-call: ops-pager", warning: "team lead within a week", info: "backup owner" }
                """.formatted(windowStart, windowEnd, databaseSet);
    }

    /** The demo's database set: its newest dump restored into an embedded PostgreSQL and checked with SQL. */
    private static final String SHOP_DB = """

              # Restored by `backup-verify restore-test plan.yaml` into a PostgreSQL started for the test (embedded,
              # no installation needed besides the client tools psql/pg_restore), checked with SQL, then dropped.
              - name: shop-db
                target: { type: local, path: backups/shop-db }
                layout: { kind: file-per-backup, namePattern: "shop-{yyyyMMdd}.sql.gz" }
                checks:
                  freshness:    { maxAge: 26h }
                restoreTest:
                  rto: 5m
                  restore: { kind: postgres, database: { embedded: true } }
                  validate:
                    - tables: [orders, customers]
                    - minRows: { orders: 2000, customers: 200 }
                    - sql: "select count(*) = 0 from orders where total <= 0"
            """;

    private static void deleteContents(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!dir.equals(folder)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
