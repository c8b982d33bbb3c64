package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A real SFTP server (Apache MINA SSHD) on a loopback port, confined to one folder, for tests. */
final class MinaSftpServer implements AutoCloseable {
    static final String USER = "backup";

    private final SshServer server;
    private final List<KeyPair> hostKeys;

    /**
     * @param hostKeys  the host keys the server offers (see {@link #generateAll})
     * @param clientKey the public key that may log in as {@link #USER}, or null
     * @param password  the password that may log in as {@link #USER}, or null
     */
    MinaSftpServer(Path root, List<KeyPair> hostKeys, PublicKey clientKey, String password) throws IOException {
        this.hostKeys = List.copyOf(hostKeys);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && clientKey != null && KeyUtils.compareKeys(clientKey, key));
        server.setPasswordAuthenticator((user, given, session) ->
                USER.equals(user) && password != null && password.equals(given));
        server.setKeyboardInteractiveAuthenticator(null);
        server.start();
    }

    static List<KeyPair> generateAll(List<String> types) throws GeneralSecurityException {
        List<KeyPair> keys = new ArrayList<>();
        for (String type : types) {
            keys.add(generate(type));
        }
        return keys;
    }

    static KeyPair generate(String type) throws GeneralSecurityException {
        return switch (type) {
            case "ssh-ed25519" -> KeyUtils.generateKeyPair(type, 256);
            case "ecdsa-sha2-nistp256" -> KeyUtils.generateKeyPair(type, 256);
            case "ssh-rsa" -> KeyUtils.generateKeyPair(type, 2048);
            default -> throw new IllegalArgumentException(type);
        };
    }

    int port() {
        return server.getPort();
    }

    List<KeyPair> hostKeys() {
        return hostKeys;
    }

    PublicKey hostKey(String type) {
        return hostKeys.stream().map(KeyPair::getPublic).filter(k -> KeyUtils.getKeyType(k).equals(type))
                .findFirst().orElseThrow();
    }

    /** Drops every connection, as a server restart or a network cut would. */
    void dropConnections() throws IOException {
        for (Session session : server.getActiveSessions()) {
            session.close(true);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
