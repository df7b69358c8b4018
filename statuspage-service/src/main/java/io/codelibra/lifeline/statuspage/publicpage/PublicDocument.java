package io.codelibra.lifeline.statuspage.publicpage;

import org.springframework.http.MediaType;

/** One rendered public document: its bytes, served as they are to every request, its type and its (quoted) ETag. */
public record PublicDocument(byte[] body, MediaType contentType, String etag) {
}
