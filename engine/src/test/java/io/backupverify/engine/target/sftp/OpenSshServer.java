package io.backupverify.engine.target.sftp;

import io.backupverify.testservers.ProcessTrees;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server run as the unprivileged user {@code nobody} on a loopback port, with its own host keys
 * (Ed25519, ECDSA, RSA), serving SFTP through internal-sftp. Needs root to switch to that user.
 */
final class OpenSshServer implements AutoCloseable {
    static final String USER = "nobody";
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final int PORT_TRIES = 5;

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
        openUp(home);
        // A free port is found before sshd binds it, so another process may take it meanwhile (a client's outgoing
        // connection can get it as its local port). sshd then stops with "Cannot bind any address"; try another port.
        // Listening is known from sshd's own log line, never from a connection that could reach another server.
        int candidate;
        Process started;
        for (int attempt = 1; ; attempt++) {
            candidate = freePort();
            started = start(candidate);
            if (waitUntilListening(started, candidate)) {
                break;
            }
            if (attempt >= PORT_TRIES) {
                throw new IOException("sshd found no free port in " + PORT_TRIES + " tries: " + log());
            }
        }
        port = candidate;
        process = started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private Process start(int candidate) throws IOException, InterruptedException {
        Files.writeString(home.resolve("sshd_config"), String.join("\n",
                "Port " + candidate,
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
        run("chown", "-R", "nobody:nogroup", home.toString());
        return new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                SSHD.toString(), "-D", "-e", "-f", home.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("sshd.log").toFile()).start();
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

    /**
     * Waits for sshd's log line "Server listening on 127.0.0.1 port N". False when sshd stopped because the port was
     * taken; an exception when it stopped for another reason or never listened.
     */
    private boolean waitUntilListening(Process started, int candidate) throws IOException, InterruptedException {
        String listening = "Server listening on 127.0.0.1 port " + candidate + ".";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean alive = started.isAlive();
            String log = log();
            if (log.contains(listening)) {
                return true;
            }
            if (!alive) {
                if (log.contains("Address already in use") || log.contains("Cannot bind any address")) {
                    return false;
                }
                throw new IOException("sshd stopped: " + log);
            }
            Thread.sleep(50);
        }
        started.destroyForcibly();
        throw new IOException("sshd did not start listening in 60 s: " + log());
    }

    private String log() throws IOException {
        Path log = home.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
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
        ProcessTrees.stop(process);
    }
}
