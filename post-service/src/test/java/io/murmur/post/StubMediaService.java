package io.murmur.post;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in for media-service's internal API, with media-service's rules: a claim puts
 * the author's ready media on one post, all or none; a withdrawal frees a post's media;
 * the batch describes ready media with URLs that change on every call, as presigned ones
 * do. It can be taken down, and records the calls.
 */
final class StubMediaService {

	static final StubMediaService INSTANCE = new StubMediaService();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicLong nextId = new AtomicLong(System.currentTimeMillis() * 1000);

	private final StandInServer server;

	private final AtomicLong signatures = new AtomicLong();

	private final Map<Long, Media> media = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private StubMediaService() {
		this.server = StandInServer.startForTheRun(this::handle);
	}

	String url() {
		return this.server.url();
	}

	/** A ready image uploaded by the user. */
	long upload(long ownerId) {
		long id = nextId.incrementAndGet();
		this.media.put(id, new Media(id, ownerId, true, null));
		return id;
	}

	/** A media of the user still processing. */
	long uploadProcessing(long ownerId) {
		long id = nextId.incrementAndGet();
		this.media.put(id, new Media(id, ownerId, false, null));
		return id;
	}

	/** Deletes a media, as media-service does when its post is deleted. */
	void delete(long id) {
		this.media.remove(id);
	}

	Long postOf(long mediaId) {
		Media found = this.media.get(mediaId);
		return (found != null) ? found.postId() : null;
	}

	void down(boolean down) {
		this.down = down;
	}

	/** The paths called, in order. */
	List<String> calls() {
		return List.copyOf(this.calls);
	}

	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getRawPath();
		this.calls.add(path);
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		if (this.down) {
			StandInServer.send(exchange, 503, "{\"status\":503}");
			return;
		}
		JsonNode request = (body.length > 0) ? json.readTree(body) : null;
		if (path.equals("/internal/media/claims")) {
			claim(exchange, request);
		}
		else if (path.matches("/internal/media/claims/\\d+/withdrawal")) {
			long postId = Long.parseLong(path.split("/")[4]);
			this.media.replaceAll((id, media) -> (Long.valueOf(postId).equals(media.postId()))
					? new Media(id, media.ownerId(), media.ready(), null) : media);
			StandInServer.send(exchange, 204, null);
		}
		else if (path.equals("/internal/media/batch")) {
			List<Object> items = new ArrayList<>();
			request.get("ids")
				.valueStream()
				.map((id) -> this.media.get(Long.parseLong(id.asString())))
				.forEach((media) -> {
					if (media != null && media.ready()) {
						items.add(describe(media));
					}
				});
			StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", items)));
		}
		else {
			StandInServer.send(exchange, 404, "{}");
		}
	}

	private synchronized void claim(HttpExchange exchange, JsonNode request) throws IOException {
		long postId = request.get("postId").asLong();
		long ownerId = request.get("ownerId").asLong();
		List<Long> ids = request.get("mediaIds").valueStream().map((id) -> Long.parseLong(id.asString())).toList();
		List<Map<String, String>> errors = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Media media = this.media.get(ids.get(i));
			String reason = null;
			if (media == null || media.ownerId() != ownerId) {
				reason = "is not a media of the author";
			}
			else if (!media.ready()) {
				reason = "is not ready (processing)";
			}
			else if (media.postId() != null && media.postId() != postId) {
				reason = "is on another post";
			}
			if (reason != null) {
				errors.add(Map.of("field", "mediaIds[" + i + "]", "message", reason));
			}
		}
		if (!errors.isEmpty()) {
			StandInServer.send(exchange, 422, json.writeValueAsString(Map.of("type",
					"https://murmur.example/problems/media-not-attachable", "status", 422, "errors", errors)));
			return;
		}
		List<Object> items = new ArrayList<>();
		for (Long id : ids) {
			Media claimed = new Media(id, ownerId, true, postId);
			this.media.put(id, claimed);
			items.add(describe(claimed));
		}
		StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", items)));
	}

	private Map<String, Object> describe(Media media) {
		long signature = this.signatures.incrementAndGet();
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", Long.toString(media.id()));
		described.put("type", "image");
		described.put("state", "ready");
		described.put("url", "http://s3.example/media/" + media.id() + "/original.jpg?sig=" + signature);
		described.put("previewUrl", "http://s3.example/media/" + media.id() + "/preview.jpg?sig=" + signature);
		described.put("smallUrl", "http://s3.example/media/" + media.id() + "/small.jpg?sig=" + signature);
		described.put("width", 1200);
		described.put("height", 800);
		described.put("blurhash", "LGHVC*2:|cKGqSR+juafhUfgfQfd");
		described.put("description", "a red circle");
		described.put("focus", Map.of("x", 0.25, "y", -0.5));
		return described;
	}

	record Media(long id, long ownerId, boolean ready, Long postId) {

	}

}
