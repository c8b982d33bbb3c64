package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The host keys an SFTP target trusts for its host and port: those an OpenSSH known_hosts file lists for it, or one
 * pinned SHA-256 fingerprint. Revoked keys ({@code @revoked}) are never trusted.
 */
final class HostKeyTrust {
    private final String host;
    private final int port;
    private final String source;
    private final List<PublicKey> known;
    private final List<PublicKey> revoked;
    private final String pinned;

    private HostKeyTrust(String host, int port, String source, List<PublicKey> known, List<PublicKey> revoked,
            String pinned) {
        this.host = host;
        this.port = port;
        this.source = source;
        this.known = known;
        this.revoked = revoked;
        this.pinned = pinned;
    }

    /** Trusts the keys a known_hosts file lists for this host and port (hashed names too). */
    static HostKeyTrust knownHosts(String host, int port, Path file) throws IOException {
        List<KnownHostEntry> entries;
        try {
            entries = KnownHostEntry.readKnownHostEntries(file);
        } catch (NoSuchFileException e) {
            throw new IOException("the known_hosts file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the known_hosts file " + file + ": " + e.getMessage());
        }
        List<PublicKey> known = new ArrayList<>();
        List<PublicKey> revoked = new ArrayList<>();
        for (KnownHostEntry entry : entries) {
            boolean matches = entry.getHashedEntry() != null ? entry.getHashedEntry().isHostMatch(host, port)
                    : entry.isHostMatch(host, port);
            if (!matches || entry.getKeyEntry() == null) {
                continue;
            }
            String marker = entry.getMarker();
            if ("cert-authority".equals(marker)) {
                continue;
            }
            PublicKey key = resolve(entry, file);
            if (key == null) {
                continue;
            }
            ("revoked".equals(marker) ? revoked : known).add(key);
        }
        return new HostKeyTrust(host, port, "known_hosts file " + file, known, revoked, null);
    }

    /** Trusts exactly the key with this fingerprint ({@code SHA256:...}). */
    static HostKeyTrust pinned(String host, int port, String fingerprint) {
        return new HostKeyTrust(host, port, "pinned hostKey", List.of(), List.of(), fingerprint.trim());
    }

    private static PublicKey resolve(KnownHostEntry entry, Path file) throws IOException {
        try {
            return entry.getKeyEntry().resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.IGNORING);
        } catch (GeneralSecurityException e) {
            throw new IOException("the known_hosts file " + file + " has a key that cannot be read: "
                    + e.getMessage());
        }
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The key types (such as ssh-ed25519) trusted for this host; empty for a pinned fingerprint. */
    Set<String> knownKeyTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (PublicKey key : known) {
            types.add(KeyUtils.getKeyType(key));
        }
        return types;
    }

    /** Null when the key is trusted, else why not, naming the host, the key type and its fingerprint. */
    String rejection(PublicKey offered) {
        String type = KeyUtils.getKeyType(offered);
        String fingerprint = fingerprint(offered);
        String named = "the " + type + " host key " + fingerprint + " of " + host + ":" + port;
        for (PublicKey bad : revoked) {
            if (KeyUtils.compareKeys(bad, offered)) {
                return named + " is marked @revoked in the " + source;
            }
        }
        if (pinned != null) {
            return pinned.equals(fingerprint) ? null : named + " does not match the pinned hostKey " + pinned;
        }
        boolean sameType = false;
        for (PublicKey trusted : known) {
            if (KeyUtils.compareKeys(trusted, offered)) {
                return null;
            }
            sameType |= KeyUtils.getKeyType(trusted).equals(type);
        }
        if (sameType) {
            return named + " has CHANGED: the " + source + " holds another " + type
                    + " key for this host (the server was reinstalled, or someone is intercepting the connection)";
        }
        if (known.isEmpty()) {
            return named + " is unknown: the " + source + " has no key for this host";
        }
        return named + " is unknown: the " + source + " holds only " + String.join(", ", knownKeyTypes())
                + " keys for this host";
    }
}
