package io.backupverify.engine.history;

import io.backupverify.engine.check.CoverageKeys;
import io.backupverify.engine.check.FileCoverage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's file coverage as bytes, to carry it from where the run happened to where the ledger is kept (a Jenkins
 * agent to the controller): per set, the listed files sorted and front-coded with what the run learnt of each
 * (0 not read, 1 verified, 2 read and found not to match; readers before 2 were added knew only 0 and 1),
 * gzipped, each name once. About as small as the ledger itself; never part of a report.
 */
public final class CoverageTransfer {
    private static final int MAGIC = 0x42564331; // "BVC1"
    /** Most sets, files and bytes of one name that decoding accepts: the bytes may come from a less trusted node. */
    static final int MAX_SETS = 10_000;
    static final int MAX_FILES = 10_000_000;
    static final int MAX_NAME_BYTES = 64 * 1024;

    private CoverageTransfer() {
    }

    /**
     * What was carried: the run's coverages and when the run started (the time the ledger records).
     */
    public record Carried(Instant startedAt, List<SetCoverage> coverages) {
        public Carried {
            coverages = List.copyOf(coverages);
        }
    }

    public static byte[] encode(Instant startedAt, List<SetCoverage> coverages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes)))) {
            out.writeInt(MAGIC);
            out.writeLong(startedAt.getEpochSecond());
            out.writeInt(coverages.size());
            for (SetCoverage coverage : coverages) {
                out.writeUTF(coverage.set());
                out.writeBoolean(coverage.complete());
                int[] count = new int[1];
                coverage.coverage().forEach((name, verified) -> count[0]++);
                out.writeInt(count[0]);
                byte[][] previous = {new byte[0]};
                coverage.coverage().forEachRead((name, read) -> {
                    byte[] current = name.getBytes(StandardCharsets.UTF_8);
                    int shared = CoverageLedger.sharedPrefix(previous[0], current);
                    CoverageLedger.writeVarLong(out, shared);
                    CoverageLedger.writeVarLong(out, current.length - shared);
                    out.write(current, shared, current.length - shared);
                    out.writeByte(switch (read) {
                        case NOT_READ -> 0;
                        case VERIFIED -> 1;
                        case FAILED -> 2;
                    });
                    previous[0] = current;
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode file coverage in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The coverages in the bytes; bytes that are not an encoded coverage, or that claim more sets, files or longer
     * names than any backup has, are an IOException saying so.
     */
    public static Carried decode(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(
                new ByteArrayInputStream(data))))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an encoded file coverage");
            }
            Instant startedAt = Instant.ofEpochSecond(in.readLong());
            int sets = in.readInt();
            if (sets < 0 || sets > MAX_SETS) {
                throw new IOException("implausible number of sets: " + sets);
            }
            List<SetCoverage> coverages = new ArrayList<>();
            long files = 0;
            for (int s = 0; s < sets; s++) {
                String set = in.readUTF();
                boolean complete = in.readBoolean();
                int count = in.readInt();
                files += count;
                if (count < 0 || files > MAX_FILES) {
                    throw new IOException("implausible number of files: " + count);
                }
                CoverageKeys listed = new CoverageKeys();
                BitSet verified = new BitSet();
                BitSet failed = new BitSet();
                byte[] previous = new byte[0];
                for (int i = 0; i < count; i++) {
                    int shared = (int) CoverageLedger.readVarLong(in);
                    int suffix = (int) CoverageLedger.readVarLong(in);
                    if (shared > previous.length || suffix < 0 || shared + suffix > MAX_NAME_BYTES) {
                        throw new IOException("file " + i + " of " + set + " is malformed");
                    }
                    byte[] current = Arrays.copyOf(previous, shared + suffix);
                    in.readFully(current, shared, suffix);
                    listed.add(new String(current, StandardCharsets.UTF_8), i);
                    int read = in.readUnsignedByte();
                    if (read > 2) {
                        throw new IOException("file " + i + " of " + set + " is malformed");
                    }
                    verified.set(i, read == 1);
                    failed.set(i, read == 2);
                    previous = current;
                }
                coverages.add(new SetCoverage(set, FileCoverage.of(listed, verified::get, failed::get), complete));
            }
            return new Carried(startedAt, coverages);
        } catch (EOFException e) {
            throw new IOException("the encoded file coverage is cut short");
        }
    }
}
