package io.sovereign.loadgen;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, for one thread: write a request, read
 * the answer (Content-Length or chunked), keep the connection unless the server closes it.
 *
 * <p>Why not {@code java.net.http.HttpClient} for the bids: on this project's 2-core machine it
 * spends 330-540 µs of CPU per small request (selector thread, executor hand-offs, futures), so at
 * 2,000 bids/s the load generator alone would take 0.7-1.1 of the 2 cores from the stack it
 * measures; this class takes 20-30 µs (measured against a trivial local server, see
 * docs/benchmarks.md). {@code --http jdk} still sends the bids through {@code HttpClient}.
 */
final class Http11Connection implements Closeable {

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connects;

    record Answer(int status, byte[] body) {
    }

    Http11Connection(URI base, int timeoutMillis) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("--http raw speaks plain http only, not " + base.getScheme());
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Connections opened so far (1 if keep-alive held for the whole run). */
    int connects() {
        return connects;
    }

    /**
     * Sends one request and reads its answer. A {@link java.net.ConnectException} means the
     * request never left; a {@link java.net.SocketTimeoutException} is the per-request timeout
     * (the read waited {@code timeoutMillis}); any other IOException after connecting leaves the
     * outcome unknown. After any exception the connection is closed; the next call opens another.
     */
    Answer send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            StringBuilder h = new StringBuilder(256 + 64 * headers.size());
            h.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 5000));
            s.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
        connects++;
    }

    private Answer read() throws IOException {
        String statusLine = line();
        // HTTP/1.1 201 Created
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = l.substring(0, colon).trim();
            String value = l.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("answer cut short");
            }
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes(); // no length: the body runs to the connection's end
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return b.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("chunk cut short");
            }
            b.write(chunk);
            line(); // CRLF after the chunk
        }
    }

    /** One header line without its CRLF (ISO-8859-1). */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new EOFException("connection closed by the server");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
