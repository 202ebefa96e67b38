package nl.webcare.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent-events reader as a browser's EventSource is: it collects the events and comments it receives. */
public final class SseClient implements AutoCloseable {
  /** One event: its id, its name and its data. */
  public record Event(String id, String name, String data) {}

  public final int status;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final Stream<String> lines;
  private final String errorBody;
  private volatile boolean ended;

  public SseClient(int port, String path, String key, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream");
    headers.forEach(request::header);
    try {
      HttpResponse<Stream<String>> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
      status = response.statusCode();
      lines = response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (status != 200) {
      errorBody = String.join("\n", lines.toList());
      ended = true;
      return;
    }
    errorBody = null;
    Thread reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String id = null;
    String name = "message";
    List<String> data = new ArrayList<>();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name, String.join("\n", data)));
          }
          id = null;
          name = "message";
          data.clear();
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).trim());
        }
      }
    } catch (RuntimeException closed) {
      // closed by close() or by the server
    } finally {
      ended = true;
    }
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  public List<String> comments() {
    return List.copyOf(comments);
  }

  /** True once the server ended the stream (or it never began). */
  public boolean ended() {
    return ended;
  }

  public String errorBody() {
    return errorBody;
  }

  @Override
  public void close() {
    lines.close();
  }
}
