package dev.weft.samples.property;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small users service on the JDK's HTTP server, on 127.0.0.1 at a free port, four handler
 * threads: {@code GET /users} lists every user, {@code POST /users} creates one, {@code GET}, {@code
 * PUT} and {@code DELETE /users/ID} read, rename and remove one. A handler that throws answers 500,
 * as a web framework would. The store decides whether it is safe under concurrent requests. The
 * client side ({@link #send}) measures each request's latency, from opening the connection to the
 * response's last byte.
 */
public final class UserService implements AutoCloseable {
  /** Where users are kept; called from several handler threads at once. */
  public interface Store {
    int create(String name);

    String get(int id);

    boolean rename(int id, String name);

    boolean delete(int id);

    /** Every user as {@code id=name}, comma-separated. */
    String list();
  }

  /** Users in a map, ids from a counter; the subclass picks the map and the counter. */
  abstract static class MapStore implements Store {
    private final Map<Integer, String> users;

    MapStore(Map<Integer, String> users) {
      this.users = users;
    }

    abstract int nextId();

    @Override
    public int create(String name) {
      int id = nextId();
      users.put(id, name);
      return id;
    }

    @Override
    public String get(int id) {
      return users.get(id);
    }

    @Override
    public boolean rename(int id, String name) {
      return users.replace(id, name) != null;
    }

    @Override
    public boolean delete(int id) {
      return users.remove(id) != null;
    }

    @Override
    public String list() {
      StringBuilder s = new StringBuilder();
      for (Map.Entry<Integer, String> u : users.entrySet()) {
        s.append(s.isEmpty() ? "" : ",").append(u.getKey()).append('=').append(u.getValue());
      }
      return s.toString();
    }
  }

  /**
   * A {@link HashMap} and an int counter: a listing that runs while a POST adds a user throws
   * {@code ConcurrentModificationException} (a 500), and two POSTs may take the same id.
   */
  public static final class UnsafeStore extends MapStore {
    private int nextId = 1;

    public UnsafeStore() {
      super(new HashMap<>());
    }

    @Override
    int nextId() {
      return nextId++;
    }
  }

  /** A {@link ConcurrentHashMap}, whose iteration tolerates changes, and an atomic counter. */
  public static final class ConcurrentStore extends MapStore {
    private final AtomicInteger nextId = new AtomicInteger(1);

    public ConcurrentStore() {
      super(new ConcurrentHashMap<>());
    }

    @Override
    int nextId() {
      return nextId.getAndIncrement();
    }
  }

  /** One request: a method, a path under the service's root, and a body (empty for none). */
  public record Request(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " /users" + path + (body.isEmpty() ? "" : " " + body);
    }
  }

  /** A response's status and its body. */
  public record Response(int status, String body) {
    @Override
    public String toString() {
      return status + (body.isEmpty() || status < 500 ? "" : " " + body);
    }
  }

  /** How many requests {@link #send} made, and their average latency. */
  public record Latency(long requests, Duration average) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d requests, average latency %.2f ms", requests,
          average.toNanos() / 1e6);
    }
  }

  static {
    // Without it the server writes a response's headers and body in two small packets, and Nagle's
    // algorithm holds the second until the client acknowledges the first, which Linux delays by
    // 40 ms: every request then takes 40 ms. LoopbackHttpBench measures both; an explicit
    // -Dsun.net.httpserver.nodelay=false on the command line is kept, for it.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Store store;
  private final LongAdder requests = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();

  private UserService(Store store) throws IOException {
    this.store = store;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.handlers = Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    server.createContext("/users", this::handle);
    server.start();
  }

  /**
   * Starts the service on a free loopback port with 1,000 users, and returns once it answered a first
   * request: the first one loads the HTTP classes of both ends, which takes seconds on a cold JVM.
   */
  public static UserService start(Store store) throws IOException {
    for (int i = 1; i <= 1_000; i++) store.create("user" + i);
    UserService service = new UserService(store);
    service.exchange(new Request("GET", "", "")); // not measured
    return service;
  }

  private void handle(HttpExchange exchange) throws IOException {
    int status;
    String answer;
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String[] path = exchange.getRequestURI().getPath().split("/");
      Integer id = path.length > 2 ? Integer.valueOf(path[2]) : null;
      String method = exchange.getRequestMethod();
      if (id == null && method.equals("GET")) {
        status = 200;
        answer = store.list();
      } else if (id == null && method.equals("POST")) {
        status = 201;
        answer = String.valueOf(store.create(body));
      } else if (id != null && method.equals("GET")) {
        answer = store.get(id);
        status = answer == null ? 404 : 200;
      } else if (id != null && method.equals("PUT")) {
        status = store.rename(id, body) ? 204 : 404;
        answer = "";
      } else if (id != null && method.equals("DELETE")) {
        status = store.delete(id) ? 204 : 404;
        answer = "";
      } else {
        status = 405;
        answer = method + " " + exchange.getRequestURI().getPath() + " is not served";
      }
    } catch (RuntimeException e) {
      status = 500;
      answer = e.toString();
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends the requests one after another, each on its own connection. */
  public List<Response> send(List<Request> requests) throws IOException {
    List<Response> responses = new ArrayList<>();
    for (Request r : requests) responses.add(send(r));
    return responses;
  }

  /** The requests {@link #send} made since the service started, and their average latency. */
  public Latency latency() {
    long n = requests.sum();
    return new Latency(n, Duration.ofNanos(n == 0 ? 0 : latencyNanos.sum() / n));
  }

  private Response send(Request r) throws IOException {
    long start = System.nanoTime();
    Response response = exchange(r);
    latencyNanos.add(System.nanoTime() - start);
    requests.increment();
    return response;
  }

  private Response exchange(Request r) throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/users" + r.path());
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod(r.method());
    if (!r.body().isEmpty()) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(r.body().getBytes(StandardCharsets.UTF_8).length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(r.body().getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    String body = "";
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Response(status, body);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
