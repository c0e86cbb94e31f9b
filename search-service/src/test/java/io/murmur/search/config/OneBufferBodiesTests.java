package io.murmur.search.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.transport.http.TransportHttpClient.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneBufferBodiesTests {

	@Test
	void shouldSendABodyOfManyBuffersAsOneWithTheSameBytesAndLeaveTheRequestOtherwiseAlone() {
		ByteBuffer action = utf8("{\"index\":{\"_id\":\"1\"}}\n");
		ByteBuffer document = utf8("{\"text\":\"caf\u00e9\"}\n");
		Request bulk = new Request("POST", "/_bulk", Map.of("refresh", "false"),
				Map.of("Content-Type", "application/x-ndjson"), List.of(action, document));

		Request sent = OneBufferBodies.oneBuffer(bulk);

		List<ByteBuffer> body = new ArrayList<>();
		sent.body().forEach(body::add);
		assertThat(body).hasSize(1);
		assertThat(StandardCharsets.UTF_8.decode(body.get(0)).toString())
			.isEqualTo("{\"index\":{\"_id\":\"1\"}}\n{\"text\":\"caf\u00e9\"}\n");
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.path()).isEqualTo("/_bulk");
		assertThat(sent.queryParams()).containsEntry("refresh", "false");
		assertThat(sent.headers()).containsEntry("Content-Type", "application/x-ndjson");
		assertThat(action.position()).as("the client's own buffers are not consumed").isZero();
	}

	@Test
	void shouldPassARequestWithOneBufferOrNoBodyAsItIs() {
		Request search = new Request("POST", "/posts/_search", Map.of(), Map.of(), List.of(utf8("{}")));
		Request get = new Request("GET", "/_cluster/health", Map.of(), Map.of(), null);

		assertThat(OneBufferBodies.oneBuffer(search)).isSameAs(search);
		assertThat(OneBufferBodies.oneBuffer(get)).isSameAs(get);
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
