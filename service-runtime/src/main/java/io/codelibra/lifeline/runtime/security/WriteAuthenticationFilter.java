package io.codelibra.lifeline.runtime.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every write (POST, PUT, PATCH, DELETE) must present an API key, as {@code Authorization: Bearer <key>}
 * (Alertmanager's {@code http_config.authorization}) or as the password of HTTP Basic (what Confluent
 * registry clients send with {@code basic.auth.user.info}). Reads stay open. Refusals are written by
 * a {@link WriteRefusal} ({@code application/problem+json} unless the service says otherwise); the
 * presented key is never logged.
 */
public class WriteAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final ApiKeys apiKeys;
  private final WriteRefusal refusal;
  private final List<PathPattern> selfAuthenticated;

  public WriteAuthenticationFilter(ApiKeys apiKeys, WriteRefusal refusal, List<String> selfAuthenticatedPaths) {
    this.apiKeys = apiKeys;
    this.refusal = refusal;
    this.selfAuthenticated = selfAuthenticatedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!WRITE_METHODS.contains(request.getMethod())) {
      return true;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    return selfAuthenticated.stream().anyMatch(pattern -> pattern.matches(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      refuse(request, response, "This write needs an API key: send 'Authorization: Bearer <key>'.");
      return;
    }
    if (!apiKeys.accepts(presentedKey(header))) {
      refuse(request, response, "The API key presented is not valid for this service.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String presentedKey(String header) {
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String userInfo = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = userInfo.indexOf(':');
        return colon < 0 ? "" : userInfo.substring(colon + 1);
      } catch (IllegalArgumentException notBase64) {
        return "";
      }
    }
    return "";
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lifeline\"");
    response.setContentType(refusal.contentType());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(refusal.body(detail, jsonEscaped(request.getRequestURI())));
  }

  private static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
