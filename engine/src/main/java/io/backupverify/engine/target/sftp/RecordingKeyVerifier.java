package io.backupverify.engine.target.sftp;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;

/**
 * Puts every host key a server presents through {@link HostKeyTrust}, and remembers why keys were refused and which
 * host-key algorithms the server offered, so the connector can try the others and report in words.
 */
final class RecordingKeyVerifier implements ServerKeyVerifier {
    private final HostKeyTrust trust;
    private final List<String> rejections = new ArrayList<>();
    private volatile List<String> offered = List.of();
    private volatile String lastRefusedAlgorithm;

    RecordingKeyVerifier(HostKeyTrust trust) {
        this.trust = trust;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String proposal = session.getServerKexProposals().get(KexProposalOption.SERVERKEYS);
        if (proposal != null && !proposal.isBlank()) {
            offered = Arrays.asList(proposal.split(","));
        }
        String rejection = trust.rejection(serverKey);
        if (rejection != null) {
            lastRefusedAlgorithm = session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS);
            synchronized (rejections) {
                rejections.add(rejection);
            }
            return false;
        }
        return true;
    }

    /** The host-key algorithms the server offered in its last key exchange. */
    List<String> offered() {
        return offered;
    }

    /** The host-key algorithm negotiated when a key was last refused. */
    String lastRefusedAlgorithm() {
        return lastRefusedAlgorithm;
    }

    List<String> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }
}
