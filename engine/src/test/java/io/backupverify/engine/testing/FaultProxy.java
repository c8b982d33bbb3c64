package io.backupverify.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy between a real client and a real server (S3, Azure Blob, SFTP) that injects faults into the next
 * connections: delay them, cut the server's answer after some bytes, reset the connection there, stall it forever,
 * or answer an HTTP request with a scripted response (a 503 by default) in place of the server. Closing the proxy
 * drops every connection and refuses new ones, as a server that went away.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Fault {
        NONE,
        /** Waits {@link #delay(Duration)} before passing the connection on, then serves it whole. */
        DELAY,
        /** Closes the connection after the server sent the given number of bytes. */
        CUT,
        /** Resets the connection (RST) after the server sent the given number of bytes. */
        RESET,
        /** Accepts the connection and never passes a byte. */
        STALL,
        /** Answers the first HTTP request on the connection with the {@link #script scripted response}. */
        THROTTLE
    }

    /** S3's answer to too many requests. */
    public static final String S3_SLOW_DOWN = response(503, "Slow Down", "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                    + "<Message>Please reduce your request rate.</Message></Error>", "");

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile long cutAfter;
    private volatile Duration delay = Duration.ofMillis(500);
    private volatile String scripted = S3_SLOW_DOWN;
    private final AtomicInteger faultyConnectionsLeft = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile boolean closed;

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An HTTP/1.1 response that closes its connection; {@code headers} are extra lines, each ending in CRLF. */
    public static String response(int status, String reason, String contentType, String body, String headers) {
        return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + headers + "Connection: close\r\n\r\n" + body;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Applies the fault to the next {@code count} connections ({@code Integer.MAX_VALUE}: all). Open connections
     * are dropped first, so the client's pooled connections cannot dodge the fault.
     */
    public void inject(Fault fault, long cutAfterBytes, int count) {
        dropConnections();
        this.cutAfter = cutAfterBytes;
        this.faultyConnectionsLeft.set(count);
        this.fault = fault;
    }

    /** How long {@link Fault#DELAY} holds each connection back. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** What {@link Fault#THROTTLE} answers (see {@link #response}). */
    public void script(String response) {
        this.scripted = response;
    }

    /** Closes every open connection, as a network cut would; new connections go through. */
    public void dropConnections() {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed already
                }
            }
            sockets.clear();
        }
    }

    public void heal() {
        fault = Fault.NONE;
        faultyConnectionsLeft.set(0);
    }

    public int faultsInjected() {
        return faultsInjected.get();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Fault chosen = fault != Fault.NONE && faultyConnectionsLeft.getAndDecrement() > 0 ? fault : Fault.NONE;
                if (chosen != Fault.NONE) {
                    faultsInjected.incrementAndGet();
                }
                synchronized (sockets) {
                    sockets.add(client);
                }
                Thread handler = new Thread(() -> handle(client, chosen), "fault-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault chosen) {
        try (client; Socket upstream = new Socket()) {
            if (chosen == Fault.THROTTLE) {
                answer(client, scripted);
                return;
            }
            if (chosen == Fault.DELAY) {
                Thread.sleep(delay.toMillis());
            }
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            synchronized (sockets) {
                sockets.add(upstream);
            }
            Thread requests = new Thread(() -> pump(clientIn(client), out(upstream), Long.MAX_VALUE, Fault.NONE,
                    client), "fault-proxy-requests");
            requests.setDaemon(true);
            requests.start();
            pump(in(upstream), out(client), cutAfter, chosen, client);
        } catch (IOException | InterruptedException e) {
            // the connection ends
        }
    }

    /** Reads the request head and answers it with the scripted response, as a throttling endpoint does. */
    private static void answer(Socket client, String response) throws IOException {
        InputStream in = client.getInputStream();
        byte[] head = new byte[65536];
        int length = 0;
        while (length < head.length) {
            int read = in.read(head, length, head.length - length);
            if (read < 0) {
                return;
            }
            length += read;
            if (new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                break;
            }
        }
        client.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
    }

    private void pump(InputStream from, OutputStream to, long limit, Fault chosen, Socket client) {
        byte[] buffer = new byte[16384];
        long sent = 0;
        try {
            if (chosen == Fault.STALL) {
                Thread.sleep(Long.MAX_VALUE);
            }
            int read;
            while ((read = from.read(buffer)) >= 0) {
                if ((chosen == Fault.CUT || chosen == Fault.RESET) && sent + read > limit) {
                    to.write(buffer, 0, (int) (limit - sent));
                    to.flush();
                    if (chosen == Fault.RESET) {
                        client.setSoLinger(true, 0);
                    }
                    client.close();
                    return;
                }
                to.write(buffer, 0, read);
                to.flush();
                sent += read;
            }
        } catch (IOException | InterruptedException e) {
            // one side closed
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    private static InputStream in(Socket socket) throws IOException {
        return socket.getInputStream();
    }

    private static InputStream clientIn(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static OutputStream out(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnections();
    }
}
