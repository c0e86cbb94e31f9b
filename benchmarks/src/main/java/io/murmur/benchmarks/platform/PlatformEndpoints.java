package io.murmur.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the parts of a running platform listen, as its daemon publishes them in
 * {@code .platform/state.json}: each component's endpoint, for the healthy ones.
 *
 * @param endpoints endpoint by component name ({@code redis}, {@code user-service}, ...)
 */
public record PlatformEndpoints(Map<String, String> endpoints) {

	/**
	 * Reads the state of the platform run from a repository root.
	 * @param root the repository root
	 * @return the endpoints of the healthy components
	 */
	public static PlatformEndpoints read(Path root) {
		Path state = root.resolve(".platform/state.json");
		if (!Files.isRegularFile(state)) {
			throw new IllegalStateException(
					"The platform is not running (no " + state + "): start it with ./platform up");
		}
		try {
			return parse(Files.readString(state));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PlatformEndpoints parse(String json) {
		JsonNode state = JsonMapper.builder().build().readTree(json);
		Map<String, String> endpoints = new LinkedHashMap<>();
		for (JsonNode component : state.path("components")) {
			if (component.path("healthy").asBoolean(false) && component.hasNonNull("endpoint")) {
				endpoints.put(component.path("name").asString(), component.path("endpoint").asString());
			}
		}
		return new PlatformEndpoints(Map.copyOf(endpoints));
	}

	/**
	 * The endpoint of a component that must be running.
	 * @param name the component
	 * @return its endpoint as a URI
	 */
	public URI require(String name) {
		String endpoint = this.endpoints.get(name);
		if (endpoint == null) {
			throw new IllegalStateException(
					name + " is not running and healthy: start it with ./platform up --services ...");
		}
		return URI.create(endpoint);
	}

	/**
	 * Whether a component runs and is healthy.
	 * @param name the component
	 * @return {@code true} if it does
	 */
	public boolean has(String name) {
		return this.endpoints.containsKey(name);
	}

}
