package io.backupverify.engine.target.s3;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The Java runtime's default trust managers (its cacerts, as the HTTP client would use them), made on the first TLS
 * handshake rather than when the client is built: parsing the trust store costs about a tenth of a CPU second, which
 * a target on a plain {@code http://} endpoint never needs. Every check is the default manager's own.
 */
final class DeferredTrust extends X509ExtendedTrustManager {
    private volatile X509ExtendedTrustManager delegate;

    static TrustManager[] managers() {
        return new TrustManager[] {new DeferredTrust()};
    }

    private X509ExtendedTrustManager delegate() throws CertificateException {
        X509ExtendedTrustManager made = delegate;
        if (made == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = runtimeDefault();
                }
                made = delegate;
            }
        }
        return made;
    }

    private static X509ExtendedTrustManager runtimeDefault() throws CertificateException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new CertificateException("the Java runtime offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot load the Java runtime's trusted certificates: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return delegate().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
