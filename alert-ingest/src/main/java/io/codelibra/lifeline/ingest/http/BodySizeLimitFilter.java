package io.codelibra.lifeline.ingest.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything parses them (declared length or,
 * for chunked bodies, bytes actually read), and hands the body on buffered so a receiver can keep
 * the original payload.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final IngestMetrics metrics;

  public BodySizeLimitFilter(long maxBytes, IngestMetrics metrics) {
    this.maxBytes = maxBytes;
    this.metrics = metrics;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(request, response);
      return;
    }
    byte[] body = readAtMost(request, maxBytes + 1);
    if (body.length > maxBytes) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  /** Reads the body into an array sized by its declared length (or grown for chunked bodies), up to limit bytes. */
  private static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
    InputStream in = request.getInputStream();
    long declared = request.getContentLengthLong();
    if (declared >= 0) {
      // Already checked against the limit; the container never reads past the declared length.
      return in.readNBytes((int) declared);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    byte[] chunk = new byte[4096];
    int read;
    while (out.size() < limit && (read = in.read(chunk, 0, (int) Math.min(chunk.length, limit - out.size()))) >= 0) {
      out.write(chunk, 0, read);
    }
    return out.toByteArray();
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    metrics.rejected(receiverOf(request.getRequestURI()), "too_large");
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
        + "\"detail\":\"The request body is larger than the limit of " + maxBytes + " bytes.\"}");
  }

  /** The metric tag for a path: the receiver it belongs to. */
  static String receiverOf(String path) {
    if (path.startsWith("/v2/enqueue")) {
      return "pagerduty";
    }
    if (path.startsWith("/api/v1/integrations/")) {
      String rest = path.substring("/api/v1/integrations/".length());
      int slash = rest.indexOf('/');
      String receiver = slash < 0 ? rest : rest.substring(0, slash);
      return receiver.equals("sns") ? "cloudwatch" : receiver;
    }
    return "generic";
  }

  /** The request with its body already read into memory. */
  static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
          return in.read(target, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already buffered");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
