package io.backupverify.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.FileCoverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageLedgerTest {
    private static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DAY2 = DAY1.plusSeconds(86_400);

    @TempDir
    Path dir;

    private CoverageLedger ledger() {
        return new RunHistory(dir).ledger();
    }

    @Test
    void keepsTheLastVerificationOfEachListedFile() throws IOException {
        CoverageLedger ledger = ledger();
        ledger.update("orders", new FileCoverage(List.of("db/a.dump", "db/b.dump", "c"), Set.of("db/a.dump")), DAY1,
                true);
        ledger.update("orders", new FileCoverage(List.of("db/a.dump", "db/b.dump", "c"), Set.of("db/b.dump")), DAY2,
                true);

        SetLedger read = ledger.read("orders").orElseThrow();
        assertThat(read.size()).isEqualTo(3);
        assertThat(read.verifiedAtSeconds("db/a.dump")).isEqualTo(DAY1.getEpochSecond());
        assertThat(read.verifiedAtSeconds("db/b.dump")).isEqualTo(DAY2.getEpochSecond());
        assertThat(read.verifiedAtSeconds("c")).isEqualTo(-1);
        SetLedger.Staleness stale = read.notVerifiedSince(DAY2, 10);
        assertThat(stale.stale()).isEqualTo(2);
        assertThat(stale.never()).isEqualTo(1);
        assertThat(stale.examples()).containsExactly("c", "db/a.dump");
        assertThat(stale.oldest()).isEqualTo(DAY1);
    }

    @Test
    void filesNoLongerListedAreDroppedUnlessTheListingWasIncomplete() throws IOException {
        CoverageLedger ledger = ledger();
        ledger.update("s", new FileCoverage(List.of("a", "b"), Set.of("a", "b")), DAY1, true);
        ledger.update("s", new FileCoverage(List.of("a"), Set.of()), DAY2, false);
        assertThat(ledger.read("s").orElseThrow().size()).isEqualTo(2);

        ledger.update("s", new FileCoverage(List.of("a", "d"), Set.of("d")), DAY2, true);
        SetLedger read = ledger.read("s").orElseThrow();
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.verifiedAtSeconds("a")).isEqualTo(DAY1.getEpochSecond());
        assertThat(read.verifiedAtSeconds("b")).isEqualTo(-1);
        assertThat(read.verifiedAtSeconds("d")).isEqualTo(DAY2.getEpochSecond());
    }

    @Test
    void namesAreKeptExactlyWhateverTheirCharacters() throws IOException {
        CoverageLedger ledger = ledger();
        List<String> names = List.of("\u00e9t\u00e9/\u00e9a", "\u00e9t\u00e9/\u00e9b", "\u65e5\u672c/x", "a b/../c");
        ledger.update("sets/with odd:name", new FileCoverage(names, Set.copyOf(names)), DAY1, true);

        SetLedger read = ledger.read("sets/with odd:name").orElseThrow();
        for (String name : names) {
            assertThat(read.verifiedAtSeconds(name)).isEqualTo(DAY1.getEpochSecond());
        }
        assertThat(ledger.file("sets/with odd:name").getFileName().toString())
                .isEqualTo("sets%2Fwith%20odd%3Aname.ledger");
        assertThat(ledger.file("..").getFileName().toString()).isEqualTo("%2E..ledger");
    }

    @Test
    void aHundredThousandFilesTakeAFewBytesEach() throws IOException {
        CoverageLedger ledger = ledger();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            names.add("var/lib/data/shard-" + (i / 1000) + "/file-" + i + ".bin");
        }
        ledger.update("big", new FileCoverage(names, Set.copyOf(names.subList(0, 50_000))), DAY1, true);

        long size = Files.size(ledger.file("big"));
        assertThat(size).isLessThan(10L * 1024 * 1024);
        assertThat(ledger.read("big").orElseThrow().size()).isEqualTo(100_000);
    }

    /** The merge as the first version made it, whole in memory, to compare the streamed merge with. */
    private static TreeMap<String, Long> mergedInMemory(TreeMap<String, Long> old, List<String> listed,
            Set<String> verified, Instant when, boolean complete) {
        TreeMap<String, Long> entries = new TreeMap<>();
        if (!complete) {
            entries.putAll(old);
        }
        for (String key : listed) {
            entries.putIfAbsent(key, old.getOrDefault(key, -1L));
        }
        for (String key : verified) {
            entries.put(key, when.getEpochSecond());
        }
        return entries;
    }

    private static TreeMap<String, Long> entries(SetLedger ledger) {
        TreeMap<String, Long> entries = new TreeMap<>();
        for (int i = 0; i < ledger.size(); i++) {
            entries.put(ledger.key(i), ledger.verifiedAtSeconds(i));
        }
        return entries;
    }

    @Test
    void mergesAsTheWholeInMemoryMergeDid() throws IOException {
        Random random = new Random(11);
        String[] names = {"a", "a/b", "a.b", "\u00e9", "\ud83d\ude00", "\uffee", "z/1", "z/2", "y", "x x"};
        CoverageLedger ledger = ledger();
        TreeMap<String, Long> expected = new TreeMap<>();
        for (int run = 0; run < 40; run++) {
            List<String> listed = new ArrayList<>();
            Set<String> verified = new java.util.HashSet<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                String key = names[random.nextInt(names.length)] + random.nextInt(3);
                listed.add(key);
                if (random.nextBoolean()) {
                    verified.add(key);
                }
            }
            boolean complete = random.nextInt(3) > 0;
            Instant when = DAY1.plusSeconds(3600L * run);

            ledger.update("s", new FileCoverage(listed, verified), when, complete);
            expected = mergedInMemory(expected, listed, verified, when, complete);

            SetLedger read = ledger.read("s").orElseThrow();
            assertThat(entries(read)).as("run " + run).isEqualTo(expected);
            assertThat(read.updatedAt()).isEqualTo(when);
        }
    }

    @Test
    void aLedgerAsTheFirstVersionWroteItIsReadAndUpdated() throws IOException {
        // Written field by field as version 1 wrote it: "BVL1", the set, the update time, the count, then each key
        // front-coded (shared bytes, suffix length, suffix) with its time plus one, all gzipped.
        Path file = ledger().file("orders");
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x42564c31);
            out.writeUTF("orders");
            out.writeLong(DAY1.getEpochSecond());
            out.writeInt(3);
            String[][] entries = {{"0", "a"}, {"1", "/b.txt"}, {"0", "\u00e9"}};
            long[] times = {DAY1.getEpochSecond() + 1, 0, 1_000_000L + 1};
            for (int i = 0; i < 3; i++) {
                byte[] suffix = entries[i][1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                CoverageLedger.writeVarLong(out, Integer.parseInt(entries[i][0]));
                CoverageLedger.writeVarLong(out, suffix.length);
                out.write(suffix);
                CoverageLedger.writeVarLong(out, times[i]);
            }
        }
        CoverageLedger ledger = ledger();
        SetLedger before = ledger.read("orders").orElseThrow();
        assertThat(entries(before)).containsExactly(Map.entry("a", DAY1.getEpochSecond()), Map.entry("a/b.txt", -1L),
                Map.entry("\u00e9", 1_000_000L));

        ledger.update("orders", new FileCoverage(List.of("a/b.txt", "c"), Set.of("a/b.txt")), DAY2, false);

        assertThat(entries(ledger.read("orders").orElseThrow())).containsExactly(
                Map.entry("a", DAY1.getEpochSecond()), Map.entry("a/b.txt", DAY2.getEpochSecond()),
                Map.entry("c", -1L), Map.entry("\u00e9", 1_000_000L));
    }

    @Test
    void aDamagedLedgerIsAnErrorThatSaysSo() throws IOException {
        CoverageLedger ledger = ledger();
        ledger.update("s", new FileCoverage(List.of("a"), Set.of("a")), DAY1, true);
        Files.write(ledger.file("s"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> ledger.read("s")).isInstanceOf(IOException.class).hasMessageContaining("damaged");
        // a later run starts it afresh instead of failing
        ledger.update("s", new FileCoverage(List.of("a"), Set.of("a")), DAY2, true);
        assertThat(ledger.read("s").orElseThrow().verifiedAtSeconds("a")).isEqualTo(DAY2.getEpochSecond());
    }

    @Test
    void coverageCarriedAsBytesUpdatesALedgerElsewhereAsTheRunWould() throws IOException {
        List<SetCoverage> run = List.of(
                new SetCoverage("orders", new FileCoverage(List.of("db/b.dump", "db/a.dump", "d\u00e9j\u00e0/c"),
                        Set.of("db/a.dump", "d\u00e9j\u00e0/c")), true),
                new SetCoverage("web", new FileCoverage(List.of("x"), Set.of()), false));

        CoverageTransfer.Carried bytes = CoverageTransfer.decode(CoverageTransfer.encode(DAY2, run));
        List<SetCoverage> carried = bytes.coverages();
        CoverageLedger elsewhere = CoverageLedger.in(dir.resolve("job-ledger"));
        elsewhere.update(carried, bytes.startedAt());

        assertThat(carried).extracting(SetCoverage::set, SetCoverage::complete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", true),
                        org.assertj.core.groups.Tuple.tuple("web", false));
        assertThat(carried.get(0).coverage().listed()).containsExactlyInAnyOrder("db/a.dump", "db/b.dump",
                "d\u00e9j\u00e0/c");
        SetLedger orders = elsewhere.read("orders").orElseThrow();
        assertThat(orders.verifiedAtSeconds("d\u00e9j\u00e0/c")).isEqualTo(DAY2.getEpochSecond());
        assertThat(orders.verifiedAtSeconds("db/b.dump")).isEqualTo(-1);
        assertThatThrownBy(() -> CoverageTransfer.decode(new byte[] {1, 2, 3})).isInstanceOf(IOException.class);
    }

    @Test
    void ledgersOfSeveralJobsMergeToTheLatestVerificationOfEachFile() throws IOException {
        CoverageLedger nightly = CoverageLedger.in(dir.resolve("nightly"));
        CoverageLedger weekly = CoverageLedger.in(dir.resolve("weekly"));
        nightly.update("orders", new FileCoverage(List.of("a", "b"), Set.of("a")), DAY2, true);
        weekly.update("orders", new FileCoverage(List.of("a", "b", "c"), Set.of("a", "b")), DAY1, true);

        SetLedger merged = CoverageSource.merging(List.of(nightly, weekly)).read("orders").orElseThrow();

        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.verifiedAtSeconds("a")).isEqualTo(DAY2.getEpochSecond());
        assertThat(merged.verifiedAtSeconds("b")).isEqualTo(DAY1.getEpochSecond());
        assertThat(merged.verifiedAtSeconds("c")).isEqualTo(-1);
        assertThat(merged.updatedAt()).isEqualTo(DAY2);
        assertThat(CoverageSource.merging(List.of(nightly, weekly)).read("web")).isEmpty();
    }

    @Test
    void carriedBytesClaimingMoreFilesThanAnyBackupHasAreRefusedBeforeMemoryIsTaken() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            out.writeInt(0x42564331);
            out.writeLong(DAY1.getEpochSecond());
            out.writeInt(1);
            out.writeUTF("orders");
            out.writeBoolean(true);
            out.writeInt(Integer.MAX_VALUE);
        }

        assertThatThrownBy(() -> CoverageTransfer.decode(bytes.toByteArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("implausible number of files");
    }
}
