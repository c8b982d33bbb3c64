package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy between the real S3 client and the real S3 server that injects faults into the next
 * connections: cut the response after some bytes, reset the connection, stall it, or answer with a scripted
 * 503 SlowDown in place of the server.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { NONE, CUT, RESET, STALL, THROTTLE }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile long cutAfter;
    private final AtomicInteger faultyConnectionsLeft = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile boolean closed;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Applies the fault to the next {@code count} connections ({@code Integer.MAX_VALUE}: all). Open connections
     * are dropped first, so the client's pooled connections cannot dodge the fault.
     */
    void inject(Fault fault, long cutAfterBytes, int count) {
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
        this.cutAfter = cutAfterBytes;
        this.faultyConnectionsLeft.set(count);
        this.fault = fault;
    }

    void heal() {
        fault = Fault.NONE;
        faultyConnectionsLeft.set(0);
    }

    int faultsInjected() {
        return faultsInjected.get();
    }

    int connections() {
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
                throttle(client);
                return;
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
        } catch (IOException e) {
            // the connection ends
        }
    }

    /** Answers the request with 503 SlowDown, as a throttling S3 endpoint does. */
    private static void throttle(Socket client) throws IOException {
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
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message></Error>";
        String response = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        client.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
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
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
