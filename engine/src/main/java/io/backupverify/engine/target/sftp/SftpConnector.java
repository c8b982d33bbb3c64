package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens SSH sessions to one server, trusting only the host keys {@link HostKeyTrust} allows. The MINA client picks
 * the host-key algorithm by its own preference, not by what known_hosts records, so the types known for the host are
 * offered first, and when the server presents a key that is not trusted, every other host-key type it offers is
 * tried and put through the same verifier before the connection is refused.
 */
final class SftpConnector implements AutoCloseable {
    private final String host;
    private final int port;
    private final HostKeyTrust trust;
    private final SshLogin login;
    private final Duration timeout;
    private final SshClient client;
    private final List<NamedFactory<Signature>> allAlgorithms;
    private volatile List<String> hostKeyOrder = List.of();

    SftpConnector(String host, int port, HostKeyTrust trust, SshLogin login, Duration timeout) {
        this.host = host;
        this.port = port;
        this.trust = trust;
        this.login = login;
        this.timeout = timeout;
        this.client = SshClient.setUpDefaultClient();
        // Only what the plan says: no ~/.ssh/config, no keys the client would find by itself.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, timeout);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, timeout);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ZERO);
        this.allAlgorithms = List.copyOf(client.getSignatureFactories());
        // Only the host-key proposal changes between attempts; user keys still sign with every algorithm.
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
                if (!hostKeyOrder.isEmpty()) {
                    proposal.put(KexProposalOption.SERVERKEYS, String.join(",", hostKeyOrder));
                }
            }
        });
        client.start();
    }

    String where() {
        return host + ":" + port;
    }

    /** A logged-in session. Refusals (untrusted host key, login refused) are {@link SshRefusedException}s. */
    ClientSession connect() throws IOException {
        if (login.hasNoMethod()) {
            throw new SshRefusedException("no way to log in to " + where() + " as '" + login.username() + "': "
                    + login.describedAs() + " hold no usable key; set credentialsId");
        }
        RecordingKeyVerifier verifier = new RecordingKeyVerifier(trust);
        client.setServerKeyVerifier(verifier);
        Set<String> tried = new LinkedHashSet<>();
        Set<String> refusedTypes = new LinkedHashSet<>();
        List<String> order = preferKnownTypes();
        while (true) {
            int refusalsBefore = verifier.rejections().size();
            hostKeyOrder = supported(order);
            ClientSession session = null;
            IOException failure;
            try {
                session = openSession();
                login(session);
                return session;
            } catch (IOException e) {
                failure = e;
                if (session != null) {
                    session.close(true);
                }
            }
            if (verifier.rejections().size() == refusalsBefore) {
                throw session == null ? failure : describe(failure);
            }
            tried.addAll(order.size() == 1 ? order : List.of());
            String negotiated = verifier.lastRefusedAlgorithm();
            if (negotiated != null) {
                tried.add(negotiated);
                refusedTypes.add(keyType(negotiated));
            }
            order = nextAlgorithm(verifier.offered(), tried, refusedTypes);
            if (order.isEmpty()) {
                throw new SshRefusedException("the host key of " + where() + " is not trusted, so the connection was "
                        + "refused: " + String.join("; ", verifier.rejections().stream().distinct().toList()));
            }
        }
    }

    private ClientSession openSession() throws IOException {
        try {
            return client.connect(login.username(), host, port).verify(timeout).getSession();
        } catch (IOException e) {
            throw new IOException("cannot connect to " + where() + ": " + reason(e), e);
        }
    }

    private void login(ClientSession session) throws IOException {
        for (KeyPair key : login.keys()) {
            session.addPublicKeyIdentity(key);
        }
        if (login.password() != null) {
            session.addPasswordIdentity(login.password().reveal());
        }
        session.auth().verify(timeout);
    }

    private IOException describe(IOException failure) {
        String reason = reason(failure);
        if (reason.contains("No more authentication methods")) {
            return new SshRefusedException("the server " + where() + " refused the login of user '"
                    + login.username() + "' with " + login.describedAs());
        }
        return new IOException("SSH connection to " + where() + " failed: " + reason, failure);
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** All algorithms, those of the key types the trust knows for this host first. */
    private List<String> preferKnownTypes() {
        Set<String> known = trust.knownKeyTypes();
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (NamedFactory<Signature> factory : allAlgorithms) {
            (known.contains(keyType(factory.getName())) ? first : rest).add(factory.getName());
        }
        first.addAll(rest);
        return first;
    }

    /** The next algorithm the server offers whose key type has not been refused yet. */
    private List<String> nextAlgorithm(List<String> offered, Set<String> tried, Set<String> refusedTypes) {
        for (String algorithm : offered) {
            if (!tried.contains(algorithm) && !refusedTypes.contains(keyType(algorithm))
                    && allAlgorithms.stream().anyMatch(f -> f.getName().equals(algorithm))) {
                return List.of(algorithm);
            }
        }
        return List.of();
    }

    private List<String> supported(List<String> names) {
        return names.stream().filter(name -> allAlgorithms.stream().anyMatch(f -> f.getName().equals(name)))
                .toList();
    }

    /** The key type behind a host-key algorithm: the rsa-sha2 signatures use ssh-rsa keys. */
    static String keyType(String algorithm) {
        return algorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : algorithm;
    }

    @Override
    public void close() throws IOException {
        client.stop();
        client.close();
    }
}
