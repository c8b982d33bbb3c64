package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.S3TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust store is loaded on the first TLS handshake instead of when the client is built, but it is still the
 * Java runtime's: a server whose certificate nobody vouches for is refused, never trusted.
 */
@Timeout(120)
class S3TlsTrustTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path work;

    @Test
    void aSelfSignedServerIsRefusedAndNothingIsRead() throws Exception {
        KeyStore keys = selfSigned();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            S3TargetSpec spec = new S3TargetSpec("tls-bucket", "", "us-east-1",
                    "https://127.0.0.1:" + server.getAddress().getPort(), true, "s3-reader");
            try (S3Target target = S3Targets.open(spec, Optional.of(new AwsKeys("AKIAEXAMPLE",
                    SecretValue.of("tls-canary-secret"), null)))) {
                assertThatThrownBy(() -> target.list(""))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("cannot list")
                        .hasMessageNotContaining("tls-canary-secret");
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDeferredManagerRefusesACertificateTheRuntimeDoesNotTrust() throws Exception {
        X509Certificate certificate = (X509Certificate) selfSigned().getCertificate("server");
        X509ExtendedTrustManager trust = (X509ExtendedTrustManager) DeferredTrust.managers()[0];
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {certificate}, "EC"))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.getAcceptedIssuers()).isNotEmpty();
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSigned() throws Exception {
        Path store = work.resolve("server.p12");
        if (!Files.exists(store)) {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
