package io.channelmonitor.probe;

/**
 * Answers as the three providers send them for a probe that asked the library's word challenge,
 * with the fields real answers carry (ids, usage, fingerprints, SSE pings), so parsing is measured
 * on realistic sizes. The answer text is always {@code Fox}.
 */
final class ProviderAnswers {
  static final String OPENAI_JSON =
      """
      {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion",\
      "created":1741569952,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,\
      "message":{"role":"assistant","content":"Fox","refusal":null,"annotations":[]},\
      "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":96,\
      "completion_tokens":2,"total_tokens":98,"prompt_tokens_details":{"cached_tokens":0,\
      "audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,\
      "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},\
      "service_tier":"default","system_fingerprint":"fp_06737a9306"}""";

  private static final String OPENAI_CHUNK =
      "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
          + "\"created\":1741569952,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
          + "\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,\"delta\":%s,"
          + "\"logprobs\":null,\"finish_reason\":%s}]}\n\n";

  static final String OPENAI_SSE =
      OPENAI_CHUNK.formatted("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null")
          + OPENAI_CHUNK.formatted("{\"content\":\"Fox\"}", "null")
          + OPENAI_CHUNK.formatted("{\"content\":\".\"}", "null")
          + OPENAI_CHUNK.formatted("{}", "\"stop\"")
          + "data: [DONE]\n\n";

  static final String ANTHROPIC_JSON =
      """
      {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",\
      "model":"claude-3-5-haiku-20241022","content":[{"type":"text","text":"Fox"}],\
      "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":96,\
      "cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5,\
      "service_tier":"standard"}}""";

  static final String ANTHROPIC_SSE =
      """
      event: message_start
      data: {"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL",\
      "type":"message","role":"assistant","model":"claude-3-5-haiku-20241022","content":[],\
      "stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":96,\
      "cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,\
      "service_tier":"standard"}}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

      event: ping
      data: {"type": "ping"}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Fox"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},\
      "usage":{"output_tokens":5}}

      event: message_stop
      data: {"type":"message_stop"}

      """;

  static final String GEMINI_JSON =
      """
      {"candidates":[{"content":{"parts":[{"text":"Fox\\n"}],"role":"model"},\
      "finishReason":"STOP","avgLogprobs":-0.0123}],"usageMetadata":{"promptTokenCount":96,\
      "candidatesTokenCount":2,"totalTokenCount":98,"promptTokensDetails":[{"modality":"TEXT",\
      "tokenCount":96}],"candidatesTokensDetails":[{"modality":"TEXT","tokenCount":2}]},\
      "modelVersion":"gemini-2.0-flash","responseId":"nM3MZ8OaE5G8ld8P8rWs0Qk"}""";

  private static final String GEMINI_CHUNK =
      "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"%s\"}],\"role\": \"model\"}%s}],"
          + "\"usageMetadata\": {\"promptTokenCount\": 96,\"candidatesTokenCount\": 2,"
          + "\"totalTokenCount\": 98,\"promptTokensDetails\": [{\"modality\": \"TEXT\","
          + "\"tokenCount\": 96}]},\"modelVersion\": \"gemini-2.0-flash\","
          + "\"responseId\": \"nM3MZ8OaE5G8ld8P8rWs0Qk\"}\r\n\r\n";

  static final String GEMINI_SSE =
      GEMINI_CHUNK.formatted("Fox", "")
          + GEMINI_CHUNK.formatted("\\n", ",\"finishReason\": \"STOP\"");

  private ProviderAnswers() {}
}
