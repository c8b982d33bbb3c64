package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's OpenSSH server run as the unprivileged user {@code nobody} on a loopback port, with its own host keys
 * (Ed25519, ECDSA, RSA), serving SFTP through internal-sftp. Needs root to switch to that user.
 */
final class OpenSshServer implements AutoCloseable {
    static final String USER = "nobody";
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path home;
    private final int port;
    private final Process process;

    /** Whether this machine can run it: sshd installed and root to start it as nobody. */
    static boolean available() {
        return Files.isExecutable(SSHD) && "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /**
     * @param home            a folder this server may own; its host keys and config go there
     * @param authorizedKeys  public key lines that may log in as {@link #USER}
     */
    OpenSshServer(Path home, String authorizedKeys) throws IOException, InterruptedException {
        this.home = Files.createDirectories(home);
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "host", "-f", hostKey(type).toString());
        }
        Files.writeString(home.resolve("authorized_keys"), authorizedKeys);
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.writeString(home.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey("ed25519"),
                "HostKey " + hostKey("ecdsa"),
                "HostKey " + hostKey("rsa"),
                "PidFile " + home.resolve("sshd.pid"),
                "AuthorizedKeysFile " + home.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "Subsystem sftp internal-sftp", ""));
        openUp(home);
        run("chown", "-R", "nobody:nogroup", home.toString());
        process = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                SSHD.toString(), "-D", "-e", "-f", home.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("sshd.log").toFile()).start();
        waitUntilListening();
    }

    /** Lets nobody reach the folder: every parent up to / must be searchable. */
    private static void openUp(Path home) throws IOException {
        for (Path p = home; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            if (p.startsWith(Path.of("/tmp"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    Path hostKey(String type) {
        return home.resolve("ssh_host_" + type + "_key");
    }

    int port() {
        return port;
    }

    private void waitUntilListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd stopped: " + Files.readString(home.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("sshd did not start listening: " + Files.readString(home.resolve("sshd.log")));
    }

    /** Runs a tool and returns what it printed; fails when it exits non-zero. */
    static String run(String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(tool.getInputStream().readAllBytes());
        String err = new String(tool.getErrorStream().readAllBytes());
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        // Session processes sshd forked for clients end with their connections; stop any that are left.
        List<ProcessHandle> sessions;
        try (Stream<ProcessHandle> children = process.descendants()) {
            sessions = new ArrayList<>(children.toList());
        }
        sessions.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
