package io.sovereign.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The raw client against a loopback socket that answers canned responses in turn. */
class Http11ConnectionTest {

    @Test
    void keepAliveContentLengthChunkedAndClose() throws Exception {
        List<String> answers = List.of(
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"bidId\":\"a\"}",
                "HTTP/1.1 409 Conflict\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"x\"\r\n3\r\n:1}\r\n0\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n[]");
        AtomicInteger next = new AtomicInteger();
        List<String> requestLines = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (next.get() < answers.size()) {
                        try (Socket s = server.accept()) {
                            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                            OutputStream out = s.getOutputStream();
                            String first;
                            while ((first = in.readLine()) != null) {
                                synchronized (requestLines) {
                                    requestLines.add(first);
                                }
                                int length = 0;
                                for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                                    if (h.toLowerCase().startsWith("content-length:")) {
                                        length = Integer.parseInt(h.substring(15).trim());
                                    }
                                }
                                in.skip(length);
                                String a = answers.get(next.getAndIncrement());
                                out.write(a.getBytes(StandardCharsets.ISO_8859_1));
                                out.flush();
                                if (a.contains("Connection: close")) {
                                    break;
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    // the test fails on its own assertions
                }
            });
            t.setDaemon(true);
            t.start();

            Http11Connection c = new Http11Connection(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/x"), 5000);
            byte[] body = "{\"kind\":\"COMPETITIVE\"}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("Idempotency-Key", "k1");
            Http11Connection.Answer a1 = c.send("POST", "/api/x", headers, body);
            Http11Connection.Answer a2 = c.send("POST", "/api/x", headers, body);
            Http11Connection.Answer a3 = c.send("POST", "/api/x", headers, body);
            Http11Connection.Answer a4 = c.send("POST", "/api/x", headers, body);
            c.close();

            assertThat(a1.status()).isEqualTo(201);
            assertThat(new String(a1.body(), StandardCharsets.UTF_8)).isEqualTo("{\"bidId\":\"a\"}");
            assertThat(a2.status()).isEqualTo(409);
            assertThat(new String(a2.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
            assertThat(a3.status()).isEqualTo(201);
            assertThat(a4.status()).isEqualTo(201);
            assertThat(new String(a4.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
            assertThat(c.connects()).isEqualTo(2); // kept alive for three, reopened after Connection: close
            assertThat(requestLines).containsOnly("POST /api/x HTTP/1.1");
        }
    }
}
