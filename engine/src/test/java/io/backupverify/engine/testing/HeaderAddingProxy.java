package io.backupverify.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a real server (Azurite) that adds headers to the answers of chosen requests, for
 * what the server stores but cannot be told to set (Azurite answers 501 to Set Blob Immutability Policy). Every
 * request reaches the server unchanged but for {@code Connection: close}, so each connection carries one exchange.
 */
public final class HeaderAddingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final Map<Predicate<String>, String> additions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public HeaderAddingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "header-adding-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Adds header lines, in place of the server's own of the same name, to the answer of each request whose request
     * line, percent-decoded (such as {@code HEAD /account/container/folder/blob HTTP/1.1}), the test accepts.
     */
    public void add(Predicate<String> requestLine, String... headers) {
        additions.put(requestLine, String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()));
    }

    /** Adds nothing any more. */
    public void clear() {
        additions.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "header-adding-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            String request = head(client.getInputStream());
            String requestLine = java.net.URLDecoder.decode(request.substring(0, request.indexOf("\r\n")),
                    StandardCharsets.UTF_8);
            String closing = request.replaceAll("(?im)^connection:.*\r\n", "").replaceFirst("\r\n\r\n$",
                    "\r\nConnection: close\r\n\r\n");
            upstream.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
            Thread body = new Thread(() -> pump(client, upstream), "header-adding-proxy-body");
            body.setDaemon(true);
            body.start();
            String answer = head(upstream.getInputStream());
            StringBuilder added = new StringBuilder();
            additions.forEach((accepts, headers) -> {
                if (accepts.test(requestLine)) {
                    added.append(headers);
                }
            });
            String kept = answer.substring(0, answer.length() - 2);
            for (String line : added.toString().split("\r\n")) {
                if (!line.isEmpty()) {
                    // the header replaces the server's own (Azurite says x-ms-has-legal-hold: false)
                    String name = java.util.regex.Pattern.quote(line.substring(0, line.indexOf(':')));
                    kept = kept.replaceAll("(?im)^" + name + ":.*\r\n", "");
                }
            }
            String changed = kept + added + "\r\n";
            client.getOutputStream().write(changed.getBytes(StandardCharsets.ISO_8859_1));
            upstream.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
            // the connection ends
        }
    }

    private static void pump(Socket client, Socket upstream) {
        try {
            client.getInputStream().transferTo(upstream.getOutputStream());
        } catch (IOException e) {
            // the connection ends
        }
    }

    /** Reads an HTTP message head, up to and with its empty line, byte by byte so that no body byte is taken. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int read = in.read();
            if (read < 0) {
                throw new IOException("the connection closed inside a message head");
            }
            head.write(read);
            last4 = (last4 << 8) | read;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
