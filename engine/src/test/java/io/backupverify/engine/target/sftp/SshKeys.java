package io.backupverify.engine.target.sftp;

import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.SshPrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Client keys made by the real ssh-keygen, and known_hosts lines, for tests. */
final class SshKeys {
    private SshKeys() {
    }

    /** A key pair written by ssh-keygen: {@code file} and {@code file.pub}. */
    record Generated(Path file, String passphrase) {
        PublicKey publicKey() throws IOException, GeneralSecurityException {
            String line = Files.readString(Path.of(file + ".pub")).trim();
            return PublicKeyEntry.parsePublicKeyEntry(line)
                    .resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.FAILING);
        }

        SshPrivateKey credentials(String user) throws IOException {
            return new SshPrivateKey(user, SecretValue.ofBytes(Files.readAllBytes(file)),
                    SecretValue.of(passphrase));
        }
    }

    /** Runs ssh-keygen; {@code extra} such as {@code -m PEM} for the old PEM format. */
    static Generated generate(Path dir, String type, String passphrase, String... extra)
            throws IOException, InterruptedException {
        Path file = dir.resolve("id_" + type.replace('-', '_') + "_" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", "test", "-f", file.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "2048"));
        }
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return new Generated(file, passphrase);
    }

    /** A known_hosts line for a host on a port other than 22, as ssh writes it. */
    static String knownHostsLine(String host, int port, PublicKey key) {
        return "[" + host + "]:" + port + " " + PublicKeyEntry.toString(key);
    }
}
