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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is set up on the first HTTPS connection instead of when the client is built, but it is still the SDK's default:
 * the Java runtime's trust store and hostname checks. A server whose certificate nobody vouches for, or whose trusted
 * certificate names another host, is refused, never trusted.
 */
@Timeout(120)
class S3TlsTrustTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path work;

    @Test
    void aSelfSignedServerIsRefusedAndNothingIsRead() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpsServer server = serve(selfSigned(), 200, requests);
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
    void aTrustedCertificateForAnotherHostIsRefusedAndNothingIsRead() throws Exception {
        KeyStore keys = certificate("other-host", "DNS:backups.example.com");
        assertThat(requestsWhileTrusting(keys)).as("a certificate naming another host").isZero();
    }

    @Test
    void aTrustedCertificateForTheHostIsAccepted() throws Exception {
        KeyStore keys = certificate("this-host", "IP:127.0.0.1");
        assertThat(requestsWhileTrusting(keys)).as("the same certificate for 127.0.0.1 gets the request through")
                .isPositive();
    }

    /**
     * Lists a bucket on an HTTPS server whose certificate the Java runtime's trust store (named by
     * {@code javax.net.ssl.trustStore} for the test) holds; returns how many requests reached the server.
     */
    private int requestsWhileTrusting(KeyStore keys) throws Exception {
        Path trustStore = work.resolve("trusted-" + System.nanoTime() + ".p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, PASSWORD);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        try (var out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD);
        }
        AtomicInteger requests = new AtomicInteger();
        HttpsServer server = serve(keys, 500, requests);
        String[] properties = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
            "javax.net.ssl.trustStoreType"};
        String[] before = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            before[i] = System.getProperty(properties[i]);
        }
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try {
            S3TargetSpec spec = new S3TargetSpec("tls-bucket", "", "us-east-1",
                    "https://127.0.0.1:" + server.getAddress().getPort(), true, "s3-reader");
            try (S3Target target = S3Targets.open(spec, Optional.of(new AwsKeys("AKIAEXAMPLE",
                    SecretValue.of("tls-canary-secret"), null)), new S3Targets.Settings(Duration.ofSeconds(10),
                            Duration.ofSeconds(10), new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                            PartedObjectStream.Parts.defaults()))) {
                assertThatThrownBy(() -> target.list(""))
                        .isInstanceOf(IOException.class)
                        .hasMessageNotContaining("tls-canary-secret");
            }
            return requests.get();
        } finally {
            for (int i = 0; i < properties.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(properties[i]);
                } else {
                    System.setProperty(properties[i], before[i]);
                }
            }
            server.stop(0);
        }
    }

    /** An HTTPS server on a loopback port with this key and certificate, answering every request with the status. */
    private static HttpsServer serve(KeyStore keys, int status, AtomicInteger requests) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSigned() throws Exception {
        return certificate("server", "IP:127.0.0.1");
    }

    /** A key pair and self-signed certificate with this subject alternative name, made by the JDK's keytool. */
    private KeyStore certificate(String name, String subjectAlternativeName) throws Exception {
        Path store = work.resolve(name + ".p12");
        if (!Files.exists(store)) {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-dname", "CN=" + name, "-ext", "SAN=" + subjectAlternativeName, "-validity", "2",
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
