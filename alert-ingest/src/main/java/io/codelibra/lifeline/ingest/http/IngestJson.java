package io.codelibra.lifeline.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mappers of the receivers all start from here. Jackson's default buffer recycling is
 * per thread; requests run on virtual threads, which would allocate fresh buffers for every body,
 * so the receivers share one lock-free pool instead.
 */
public final class IngestJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .recyclerPool(JsonRecyclerPools.sharedLockFreePool())
      .build();

  private IngestJson() {
  }

  public static JsonMapper.Builder builder() {
    return JsonMapper.builder(FACTORY);
  }

  public static JsonMapper mapper() {
    return builder().build();
  }
}
