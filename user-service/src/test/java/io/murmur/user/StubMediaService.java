package io.murmur.user;

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

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in for media-service's internal API, with media-service's avatar rules: only
 * the user's own ready image is accepted; the batch describes ready media with URLs that
 * change on every call, as presigned ones do. It can be taken down, and records the calls
 * with their Authorization header.
 */
public final class StubMediaService {

	/** The stand-in every integration test's service talks to. */
	public static final StubMediaService INSTANCE = new StubMediaService();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicLong nextId = new AtomicLong(System.currentTimeMillis() * 1000);

	private final StandInServer server;

	private final AtomicLong signatures = new AtomicLong();

	private final Map<Long, Media> media = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private StubMediaService() {
		this.server = StandInServer.startForTheRun(this::handle);
	}

	String url() {
		return this.server.url();
	}

	/**
	 * A ready image of the user.
	 * @param ownerId the user
	 * @return its id
	 */
	public long uploadImage(long ownerId) {
		return upload(ownerId, "image", true);
	}

	/**
	 * A ready video of the user.
	 * @param ownerId the user
	 * @return its id
	 */
	public long uploadVideo(long ownerId) {
		return upload(ownerId, "video", true);
	}

	/**
	 * Deletes a media.
	 * @param id the media id
	 */
	public void delete(long id) {
		this.media.remove(id);
	}

	/**
	 * Makes every call fail with 503, or answer again.
	 * @param down whether it is down
	 */
	public void down(boolean down) {
		this.down = down;
	}

	/**
	 * The calls so far.
	 * @return each call's path and Authorization header
	 */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	private long upload(long ownerId, String type, boolean ready) {
		long id = nextId.incrementAndGet();
		this.media.put(id, new Media(id, ownerId, type, ready));
		return id;
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getRawPath();
		this.calls.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
		if (this.down) {
			StandInServer.send(exchange, 503, "{\"status\":503}");
			return;
		}
		JsonNode request = json.readTree(body);
		if (path.matches("/internal/media/\\d+/avatar")) {
			Media found = this.media.get(Long.parseLong(path.split("/")[3]));
			String reason = null;
			if (found == null || found.ownerId() != request.get("ownerId").asLong()) {
				reason = "is not a media of the user";
			}
			else if (!found.ready()) {
				reason = "is not ready (processing)";
			}
			else if (!found.type().equals("image")) {
				reason = "is not an image";
			}
			if (reason != null) {
				StandInServer.send(exchange, 422,
						json.writeValueAsString(
								Map.of("type", "https://murmur.example/problems/media-not-attachable", "status", 422,
										"errors", List.of(Map.of("field", "avatarMediaId", "message", reason)))));
				return;
			}
			StandInServer.send(exchange, 200, json.writeValueAsString(describe(found)));
		}
		else if (path.equals("/internal/media/batch")) {
			List<Object> items = new ArrayList<>();
			request.get("ids")
				.valueStream()
				.map((id) -> this.media.get(Long.parseLong(id.asString())))
				.forEach((found) -> {
					if (found != null && found.ready()) {
						items.add(describe(found));
					}
				});
			StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", items)));
		}
		else {
			StandInServer.send(exchange, 404, "{}");
		}
	}

	private Map<String, Object> describe(Media found) {
		long signature = this.signatures.incrementAndGet();
		String base = "http://s3.example/media/" + found.id() + "/";
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", Long.toString(found.id()));
		described.put("type", found.type());
		described.put("state", "ready");
		described.put("url", base + "original.jpg?sig=" + signature);
		described.put("previewUrl", base + "preview.jpg?sig=" + signature);
		described.put("smallUrl", base + "small.jpg?sig=" + signature);
		return described;
	}

	private record Media(long id, long ownerId, String type, boolean ready) {

	}

	/**
	 * Points the service at the stand-in.
	 */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("murmur.services.urls.media=" + INSTANCE.url()).applyTo(context);
		}

	}

}
