package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.http.apache.internal.conn.SdkTlsSocketFactory;

/**
 * The HTTPS socket factory the SDK's Apache client makes for itself by default (the Java runtime's trust store, the
 * default hostname verifier with its public suffix list, the key managers the {@code javax.net.ssl.keyStore}
 * properties name, and the SDK's own socket class), made on the first HTTPS connection instead of when the client is
 * built. Making it reads the trust store and the public suffix list, about a tenth of a CPU second, which a target on
 * a plain {@code http://} endpoint never needs. Every check is the default factory's own.
 */
final class DeferredTls implements LayeredConnectionSocketFactory {
    private volatile LayeredConnectionSocketFactory made;

    private LayeredConnectionSocketFactory factory() throws SSLException {
        LayeredConnectionSocketFactory factory = made;
        if (factory == null) {
            synchronized (this) {
                if (made == null) {
                    made = make();
                }
                factory = made;
            }
        }
        return factory;
    }

    /** What {@code ApacheHttpClient} builds when given no socket factory and no trust or key manager settings. */
    private static LayeredConnectionSocketFactory make() throws SSLException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(SystemPropertyTlsKeyManagersProvider.create().keyManagers(), null, null);
            return new SdkTlsSocketFactory(context, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return factory().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
            InetSocketAddress localAddress, HttpContext context) throws IOException {
        return factory().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context)
            throws IOException {
        return factory().createLayeredSocket(socket, target, port, context);
    }
}
